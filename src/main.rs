// The desk allocates many small, short-lived values (JSON documents,
// journal texts); mimalloc serves them about a fifth faster than glibc's
// malloc on bulk writes (BENCHMARKS in README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
