//! Progress of the long jobs on stderr: a bar where the count is known (demo, import,
//! export), a spinner where it is not (check, backup, a schema upgrade, a long open). indicatif draws nothing when
//! stderr is not a terminal, so scripts, pipes and the tests that capture stderr see
//! none of it; the bar is cleared when the job ends, leaving only the job's own lines.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::strings::Lang;
use crate::strings::progress::{Job, bar_template, job, spinner_template};

pub struct Progress(ProgressBar);

impl Progress {
    /// A bar of `len` steps.
    pub fn bar(lang: Lang, what: Job, len: usize) -> Progress {
        let bar = ProgressBar::new(len as u64);
        if let Ok(style) = ProgressStyle::with_template(bar_template(lang)) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(job(lang, what));
        Progress(bar)
    }

    /// A spinner that turns by itself while the job works.
    pub fn spinner(lang: Lang, what: Job) -> Progress {
        Progress::spinner_on(lang, what, ProgressDrawTarget::stderr())
    }

    /// A spinner drawn on `target` from its first tick, which comes at once.
    fn spinner_on(lang: Lang, what: Job, target: ProgressDrawTarget) -> Progress {
        let bar = ProgressBar::with_draw_target(None, target);
        if let Ok(style) = ProgressStyle::with_template(spinner_template(lang)) {
            bar.set_style(style);
        }
        bar.set_message(job(lang, what));
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(bar)
    }

    /// A spinner drawn only once the job has run for `after`: an open that is quick
    /// shows nothing, one that makes the rollups anew says so. Hidden from its first tick:
    /// hidden after it, the first frame stayed on the terminal under the shell's prompt.
    pub fn spinner_after(lang: Lang, what: Job, after: Duration) -> Progress {
        let p = Progress::spinner_on(lang, what, ProgressDrawTarget::hidden());
        let shown = p.0.clone();
        std::thread::spawn(move || {
            std::thread::sleep(after);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
            }
        });
        p
    }

    pub fn set(&self, done: usize) {
        self.0.set_position(done as u64);
    }

    pub fn inc(&self) {
        self.0.inc(1);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
