//! Rendering issued documents from templates: the defaults in
//! `assets/templates/`, any of which an office overrides with a file of the
//! same name in `templates/` in its config directory. Text and print-ready
//! HTML (A4, system fonts, no scripts, no network).
//!
//! Sits beside `cli` and `ui`: the store calls the renderer through
//! `Store::issue` and keeps what it returns.

mod casefile;
mod context;
mod issue;
mod seal;
mod wording;

use std::path::Path;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, syntax::SyntaxConfig};

use crate::domain::documents::DocKind;
use crate::store::{RenderJob, Rendered};

pub use casefile::json_twin;
pub use context::chinese_date;
pub use issue::{Extra, Outcome, PrintFailure, file_name, issue_or_reprint, latest, print, write};

/// The shipped templates, by the name an office's override uses.
const BUILTIN: &[(&str, &str)] = &[
    ("page.txt", include_str!("../../assets/templates/page.txt")),
    (
        "page.html",
        include_str!("../../assets/templates/page.html"),
    ),
    (
        "style.css",
        include_str!("../../assets/templates/style.css"),
    ),
    (
        "accept.txt",
        include_str!("../../assets/templates/accept.txt"),
    ),
    (
        "decline.txt",
        include_str!("../../assets/templates/decline.txt"),
    ),
    (
        "transfer.txt",
        include_str!("../../assets/templates/transfer.txt"),
    ),
    (
        "extension.txt",
        include_str!("../../assets/templates/extension.txt"),
    ),
    (
        "supervision.txt",
        include_str!("../../assets/templates/supervision.txt"),
    ),
    (
        "reminder.txt",
        include_str!("../../assets/templates/reminder.txt"),
    ),
    (
        "reply.txt",
        include_str!("../../assets/templates/reply.txt"),
    ),
    (
        "closing.txt",
        include_str!("../../assets/templates/closing.txt"),
    ),
    (
        "casefile.txt",
        include_str!("../../assets/templates/casefile.txt"),
    ),
    (
        "whereabouts.txt",
        include_str!("../../assets/templates/whereabouts.txt"),
    ),
    (
        "casefile.html",
        include_str!("../../assets/templates/casefile.html"),
    ),
    (
        "no_further.txt",
        include_str!("../../assets/templates/no_further.txt"),
    ),
    (
        "warning.txt",
        include_str!("../../assets/templates/warning.txt"),
    ),
    (
        "advice.txt",
        include_str!("../../assets/templates/advice.txt"),
    ),
    (
        "objection.txt",
        include_str!("../../assets/templates/objection.txt"),
    ),
];

/// The template names, for the README and the override directory.
pub fn template_names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(n, _)| *n)
}

/// The office's templates, compiled once.
pub struct Renderer {
    env: Environment<'static>,
}

impl Renderer {
    /// The shipped templates, overridden by `<config dir>/templates/NAME`
    /// where such a file exists. A template that does not compile is
    /// reported with its file name.
    pub fn load(config_dir: Option<&Path>) -> Result<Renderer, String> {
        let mut env = Environment::new();
        env.set_syntax(
            SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .map_err(|e| e.to_string())?,
        );
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        for (name, source) in BUILTIN {
            let custom = config_dir.map(|d| d.join("templates").join(name));
            let text = match custom.as_deref().map(std::fs::read_to_string) {
                Some(Ok(text)) => text,
                Some(Err(e)) if e.kind() != std::io::ErrorKind::NotFound => {
                    let path = custom.as_deref().map(Path::display);
                    return Err(format!(
                        "{}: {e}",
                        path.map(|p| p.to_string()).unwrap_or_default()
                    ));
                }
                _ => (*source).to_owned(),
            };
            env.add_template_owned(*name, text)
                .map_err(|e| format!("{name}: {e}"))?;
        }
        Ok(Renderer { env })
    }

    /// The shipped templates only (tests, and an office without overrides).
    pub fn builtin() -> Result<Renderer, String> {
        Renderer::load(None)
    }

    /// Renders `job` as text and as HTML.
    pub fn render(&self, job: &RenderJob) -> Result<Rendered, String> {
        let kind = job.content.kind;
        let mut ctx = context::build(job);
        // The approved electronic seal if the office set one; else its place stays blank.
        ctx["seal_image"] = match job.profile.seal_image.trim() {
            "" => serde_json::Value::Null,
            path => serde_json::Value::String(seal::data_uri(path)?),
        };
        let render = |name: &str, ctx: &serde_json::Value| {
            self.env
                .get_template(name)
                .and_then(|t| t.render(minijinja::Value::from(minijinja::value::Serde(ctx))))
                .map_err(|e| describe(name, &e))
        };
        if kind == DocKind::CaseFile {
            return Ok(Rendered {
                text: tidy(&render("casefile.txt", &ctx)?),
                html: render("casefile.html", &ctx)?,
            });
        }
        let body = render(&format!("{}.txt", kind.code()), &ctx)?;
        ctx["paragraphs"] = context::paragraphs(&body);
        Ok(Rendered {
            text: tidy(&render("page.txt", &ctx)?),
            html: render("page.html", &ctx)?,
        })
    }
}

/// A template error with the line it happened on.
fn describe(name: &str, e: &minijinja::Error) -> String {
    match e.line() {
        Some(line) => format!("{name}:{line}: {e}"),
        None => format!("{name}: {e}"),
    }
}

/// No trailing spaces, no runs of blank lines, one final newline: the
/// text is printed and compared as it is.
fn tidy(s: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}
