// The desk allocates many small, short-lived values (JSON documents,
// journal texts); mimalloc serves them about a fifth faster than glibc's
// malloc on bulk writes (BENCHMARKS in README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc asks the kernel for 2 MB pages (MADV_HUGEPAGE) for its arenas, each then
/// resident and zeroed whole though the desk fills little of it: the desk took 45 MB at a
/// million cases with them, 32 without (BENCHMARKS.md). Regular pages for this process, set
/// before the first allocation (Rust's runtime allocates before `main`): a function in
/// `.init_array` runs as the program is loaded. Programs it starts (a viewer, `lp`) inherit
/// the flag, which costs them nothing they would notice.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static REGULAR_PAGES: extern "C" fn() = regular_pages;

#[cfg(target_os = "linux")]
extern "C" fn regular_pages() {
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers and touches no memory of
    // ours; a kernel without it answers EINVAL, which changes nothing.
    unsafe {
        let (on, unused): (libc::c_ulong, libc::c_ulong) = (1, 0);
        libc::prctl(libc::PR_SET_THP_DISABLE, on, unused, unused, unused);
    }
}

fn main() -> std::process::ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes
    // away (`xinfang show … | head`) instead of panicking in println!.
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread exists; SIG_DFL is a
    // valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    #[cfg(feature = "plaintext-bench")]
    eprintln!("xinfang: benchmark build (plaintext-bench): the ledger is NOT encrypted");
    xinfang::cli::main()
}
