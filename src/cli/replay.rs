//! `xinfang replay`: the desk without a terminal. Keys from a file drive
//! the run loop's own steps (`ui::open_app`, `runtime::dispatch`,
//! `runtime::render`) against ratatui's TestBackend; each key is timed
//! from the event to the finished frame, and the last screen is printed as
//! text. For measuring the desk on big ledgers, and for end-to-end tests.
//!
//! Unlike the desk, every key gets its own frame (the real loop may fold
//! keys that arrive together into one), and a draft is written only where
//! the file says `pause`. Writes (Ctrl-S) go to the ledger as at the desk.

mod script;

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use serde_json::json;

use super::{Env, Failure};
use crate::store::{Store, StoreError};
use crate::strings::{Lang, replay as text};
use crate::ui::app::{App, Msg};
use crate::ui::runtime;
use script::Input;

/// What `replay` was asked to do.
pub(crate) struct Options<'a> {
    pub keys: &'a Path,
    pub size: &'a str,
    pub json: bool,
}

/// One timed key: its line in the file, its name, key event to frame.
struct Sample {
    line: usize,
    step: String,
    label: String,
    took: Duration,
}

pub(crate) fn run(env: &Env, path: &Path, opts: &Options) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let (cols, rows) = script::size(opts.size, lang).map_err(Failure)?;
    let file = opts.keys.display().to_string();
    let src = std::fs::read_to_string(opts.keys)
        .map_err(|e| Failure(text::read_failed(lang, &file, &e.to_string())))?;
    let steps = script::parse(&src, &file, lang).map_err(Failure)?;

    // Start to first screen, as `xinfang --as NAME` does it.
    let began = Instant::now();
    let fail = |e: StoreError| Failure::store(lang, &e);
    // Replaying into a ledger that is not there would only make an empty one.
    if !path.exists() {
        return Err(fail(StoreError::CannotOpen(path.display().to_string())));
    }
    let mut store = env.open_writable(path)?;
    // Views of confidential cases name the command as well as the screen (Art 30 第三款).
    store.read_via("replay");
    let operator = operator(&store, env.cli.as_operator.as_deref(), lang)?;
    let name = operator.name.clone();
    let mut app = crate::ui::open_app(&mut store, lang, operator, env.clock, rows).map_err(fail)?;
    let mut term = Terminal::new(TestBackend::new(cols, rows))
        .map_err(|e| Failure(text::draw_failed(lang, &e.to_string())))?;
    draw(&mut term, &app, lang)?;
    let start = began.elapsed();

    let mut samples = Vec::with_capacity(steps.len());
    let mut quit_after = None;
    for (i, step) in steps.iter().enumerate() {
        if app.quit {
            quit_after = Some((steps[i - 1].line, steps.len() - i));
            break;
        }
        let t = Instant::now();
        let msg = match &step.input {
            Input::Key(k) => Msg::Key(*k),
            Input::Paste(p) => Msg::Paste(p.clone()),
            Input::Pause => {
                // Not a key: the desk's pause work is off the path to the frame.
                runtime::idle(&mut store, &mut app);
                draw(&mut term, &app, lang)?;
                continue;
            }
        };
        runtime::dispatch(&mut store, &mut app, msg);
        draw(&mut term, &app, lang)?;
        samples.push(Sample {
            line: step.line,
            step: step.source.clone(),
            label: step.label.clone(),
            took: t.elapsed(),
        });
    }
    if let Some((line, left)) = quit_after {
        say_err!("{}", text::quit_early(lang, line, left));
    }
    // The last screen drawn whole: TestBackend keeps only the cells each
    // frame changed, and it does not clear the second half of a wide
    // character the way a terminal does, so its own buffer can hold
    // leftovers of earlier screens.
    let mut last = Terminal::new(TestBackend::new(cols, rows))
        .map_err(|e| Failure(text::draw_failed(lang, &e.to_string())))?;
    draw(&mut last, &app, lang)?;
    let screen = screen_lines(last.backend().buffer());
    let report = Report {
        ledger: path,
        operator: &name,
        size: (cols, rows),
        start,
        samples: &samples,
        app: &app,
        screen: &screen,
    };
    if opts.json {
        println!("{}", report.json());
    } else {
        report.print(lang);
    }
    Ok(ExitCode::SUCCESS)
}

fn draw(term: &mut Terminal<TestBackend>, app: &App, lang: Lang) -> Result<(), Failure> {
    runtime::render(term, app).map_err(|e| Failure(text::draw_failed(lang, &e.to_string())))
}

/// `--as`, else the ledger's last operator (as the desk picks); no pick
/// list without a terminal.
fn operator(
    store: &Store,
    as_operator: Option<&str>,
    lang: Lang,
) -> Result<crate::domain::rules::Operator, Failure> {
    let fail = |e: StoreError| Failure::store(lang, &e);
    let name = match as_operator {
        Some(n) => n.to_owned(),
        None => store
            .meta("last_operator")
            .map_err(fail)?
            .ok_or_else(|| Failure(text::no_operator(lang).to_owned()))?,
    };
    store
        .operators()
        .map_err(fail)?
        .into_iter()
        .find(|o| o.name == name)
        .ok_or_else(|| fail(StoreError::UnknownActor(name)))
}

/// The screen as lines of text: a wide character's second cell is not
/// repeated, trailing blanks are cut.
fn screen_lines(buf: &Buffer) -> Vec<String> {
    let width = usize::from(buf.area.width).max(1);
    buf.content
        .chunks(width)
        .map(|cells| {
            let mut line = String::new();
            let mut skip = 0usize;
            for c in cells {
                if skip == 0 {
                    line.push_str(c.symbol());
                }
                let w = crate::display::width(c.symbol()).max(1);
                skip = skip.max(w).saturating_sub(1);
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// Min, median, p99 and max of the samples (nearest rank).
struct Summary {
    min: Duration,
    median: Duration,
    p99: Duration,
    max: Duration,
}

fn summary(samples: &[Sample]) -> Option<Summary> {
    let mut v: Vec<Duration> = samples.iter().map(|s| s.took).collect();
    v.sort();
    let at = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    Some(Summary {
        min: *v.first()?,
        median: at(0.5),
        p99: at(0.99),
        max: *v.last()?,
    })
}

/// Milliseconds to the microsecond.
fn ms(d: Duration) -> f64 {
    (d.as_nanos() as f64 / 1000.0).round() / 1000.0
}

struct Report<'a> {
    ledger: &'a Path,
    operator: &'a str,
    size: (u16, u16),
    start: Duration,
    samples: &'a [Sample],
    app: &'a App,
    screen: &'a [String],
}

impl Report<'_> {
    fn json(&self) -> serde_json::Value {
        let keys: Vec<_> = self
            .samples
            .iter()
            .map(|s| json!({"line": s.line, "step": s.step, "key": s.label, "ms": ms(s.took)}))
            .collect();
        let summary = summary(self.samples).map(|s| {
            json!({
                "keys": self.samples.len(),
                "min_ms": ms(s.min),
                "median_ms": ms(s.median),
                "p99_ms": ms(s.p99),
                "max_ms": ms(s.max),
            })
        });
        json!({
            "ledger": self.ledger.display().to_string(),
            "operator": self.operator,
            "size": {"columns": self.size.0, "rows": self.size.1},
            "start_ms": ms(self.start),
            "keys": keys,
            "summary": summary,
            "quit": self.app.quit,
            "message": self.app.message,
            "screen": self.screen,
        })
    }

    fn print(&self, lang: Lang) {
        let h = text::headings(lang);
        println!("{}  {:.3} {}", h.start, ms(self.start), h.ms);
        println!("{:>5}  {:<12} {:>9}", h.line, h.key, h.ms);
        for s in self.samples {
            let key = crate::display::fit(&s.label, 12);
            println!("{:>5}  {key} {:>9.3}", s.line, ms(s.took));
        }
        if let Some(s) = summary(self.samples) {
            println!(
                "{} {}  {} {:.3}  {} {:.3}  p99 {:.3}  {} {:.3} ({})",
                h.keys,
                self.samples.len(),
                h.min,
                ms(s.min),
                h.median,
                ms(s.median),
                ms(s.p99),
                h.max,
                ms(s.max),
                h.ms,
            );
        }
        println!("\n{} ({}x{}):", h.screen, self.size.0, self.size.1);
        for line in self.screen {
            println!("{line}");
        }
    }
}
