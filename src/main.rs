fn main() -> std::process::ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes
    // away (`xinfang show … | head`) instead of panicking in println!.
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread exists; SIG_DFL is a
    // valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    xinfang::cli::main()
}
