//! The screens before the queue: first-run setup of an empty ledger, and
//! the operator pick list when nobody is named. Each runs its own small
//! loop on the desk's terminal; the queue starts once they are answered.

use std::sync::atomic::Ordering;
use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyEvent};
use ratatui::layout::Rect;

use super::screens::picker::{Picker, PickerOutcome};
use super::screens::setup::{Setup, SetupAnswers, SetupOutcome};
use super::screens::signin::recovery::RecoveryNotice;
use super::screens::signin::{SignIn, SignInOutcome};
use super::signin::SignInFlow;
use super::terminal::Guard;
use super::tty::{Tty, Wait};

use std::path::Path;

use crate::clock::Clock;
use crate::config::Office;
use crate::domain::rules::Operator;
use crate::domain::types::Role;
use crate::store::{DataKey, Keyring, Store};
use crate::strings::{Lang, errors};

/// Runs `model` until `key` or `paste` answers; None when the clerk quits
/// or the terminal goes away.
fn modal<M, R>(
    guard: &mut Guard,
    tty: &Tty,
    model: &mut M,
    draw: impl Fn(&M, &mut Frame, Rect),
    key: impl Fn(&mut M, KeyEvent) -> Option<Option<R>>,
    paste: impl Fn(&mut M, &str),
) -> std::io::Result<Option<R>> {
    while !guard.stop.load(Ordering::Relaxed) {
        guard.terminal.draw(|f| draw(model, f, f.area()))?;
        match tty.wait(Duration::from_millis(250)) {
            Wait::HungUp => return Ok(None),
            Wait::Timeout => continue,
            Wait::Input => {}
        }
        while event::poll(Duration::ZERO)? {
            match event::read()? {
                Event::Key(k) => {
                    if let Some(answer) = key(model, k) {
                        return Ok(answer);
                    }
                }
                Event::Paste(p) => paste(model, &p),
                _ => {}
            }
        }
    }
    Ok(None)
}

/// First run: setup writes the office, you and the departments in one
/// transaction. None when the clerk quits.
pub fn setup(
    guard: &mut Guard,
    tty: &Tty,
    store: &mut Store,
    lang: Lang,
    clock: Clock,
) -> std::io::Result<Option<Operator>> {
    let answers = setup_answers(guard, tty, leader_setup(lang), lang)?;
    let Some(mut a) = answers else {
        return Ok(None);
    };
    a.operator.role = Role::Leader;
    store
        .first_run(&a.office_name, &a.operator, &a.departments, clock.now())
        .and_then(|()| write_letterhead(store, &a, clock))
        .map_err(|e| std::io::Error::other(errors::store(lang, &e)))?;
    Ok(Some(a.operator))
}

/// The letterhead the setup asked for: the office's name, the number prefix
/// and the 复查机关, so the first notice is numbered as every later one.
fn write_letterhead(
    store: &mut Store,
    a: &SetupAnswers,
    clock: Clock,
) -> Result<(), crate::store::StoreError> {
    let profile = crate::domain::documents::OfficeProfile {
        name: a.office_name.clone(),
        prefix: a.prefix.clone(),
        review_organ: a.review_organ.clone(),
        ..Default::default()
    };
    let change = crate::store::Admin::OfficeUpdate(profile);
    store.administer(&a.operator.name, clock.now(), &change)?;
    Ok(())
}

/// Who is at the desk, from the ledger's operators.
pub fn pick(
    guard: &mut Guard,
    tty: &Tty,
    store: &mut Store,
    lang: Lang,
) -> std::io::Result<Option<Operator>> {
    let operators = store
        .operators()
        .map_err(|e| std::io::Error::other(errors::store(lang, &e)))?;
    let mut model = Picker::new(lang, &operators);
    let chosen = modal(
        guard,
        tty,
        &mut model,
        |m, f, a| super::screens::picker::view::draw(m, lang, f, a),
        |m, k| match m.key(k) {
            PickerOutcome::Stay => None,
            PickerOutcome::Picked(o) => Some(Some(o)),
            PickerOutcome::Quit => Some(None),
        },
        |m, p| m.paste(p),
    )?;
    if let Some(o) = &chosen {
        // "The last one used on this machine" next time.
        store
            .set_meta("last_operator", &o.name)
            .map_err(|e| std::io::Error::other(errors::store(lang, &e)))?;
    }
    Ok(chosen)
}

/// The sign-in screen before the ledger opens: the names with a key slot
/// (`preselect`, from `--as`, chosen), the passphrase checked by the key ring
/// (a wrong one counted, five lock for five minutes), then, for a one-time
/// passphrase, the operator's own written into their slot. The data key and
/// who signed in; None when they quit.
pub fn sign_in(
    guard: &mut Guard,
    tty: &Tty,
    ring: &mut Keyring,
    preselect: Option<&str>,
    office: &str,
    lang: Lang,
    clock: Clock,
) -> std::io::Result<Option<(DataKey, String)>> {
    let names = ring.operators().into_iter().map(str::to_owned).collect();
    let mut model = SignInFlow::new(SignIn::new(names, preselect), ring);
    modal(
        guard,
        tty,
        &mut model,
        |m, f, a| super::screens::signin::view::draw(&m.screen, lang, office, f, a),
        |m, k| m.key(k, lang, clock),
        |m, p| m.screen.paste(p),
    )
}

/// The desk's first run on a path with no ledger: the setup (the office, its
/// first leader and departments), the leader's passphrase twice, the encrypted
/// ledger created by the store (`Store::create`, as `init` does) and its
/// recovery key shown once. None when they quit before the ledger exists.
pub fn create(
    guard: &mut Guard,
    tty: &Tty,
    path: &Path,
    office: Office,
    lang: Lang,
    clock: Clock,
) -> std::io::Result<Option<(Store, Operator)>> {
    let Some(mut a) = setup_answers(guard, tty, leader_setup(lang), lang)? else {
        return Ok(None);
    };
    a.operator.role = Role::Leader;
    let mut screen = SignIn::new(vec![a.operator.name.clone()], None);
    screen.setup = true;
    screen.ask_new();
    let pass = modal(
        guard,
        tty,
        &mut screen,
        |m, f, a| super::screens::signin::view::draw(m, lang, "", f, a),
        |m, k| match m.key(k, lang) {
            SignInOutcome::Change { passphrase, .. } => Some(Some(passphrase)),
            SignInOutcome::Quit => Some(None),
            SignInOutcome::Stay | SignInOutcome::Try { .. } => None,
        },
        |m, p| m.paste(p),
    )?;
    let Some(pass) = pass else {
        return Ok(None);
    };
    let failed = |e: crate::store::StoreError| std::io::Error::other(errors::store(lang, &e));
    let (mut store, key) = Store::create(path, office, &a.operator.name, &pass).map_err(failed)?;
    if let Err(e) = store
        .first_run(&a.office_name, &a.operator, &a.departments, clock.now())
        .and_then(|()| write_letterhead(&mut store, &a, clock))
    {
        drop(store);
        crate::store::remove_new_ledger(path);
        return Err(failed(e));
    }
    let mut notice = RecoveryNotice::new(key.recovery());
    modal(
        guard,
        tty,
        &mut notice,
        |m, f, a| m.draw(lang, f, a),
        |m, k| m.key(k).then_some(Some(())),
        |_, _| {},
    )?;
    Ok(Some((store, a.operator)))
}

/// The setup with its role fixed: the first operator of a new office is its
/// leader — who else could add the others (a clerk could not: issue 17)?
fn leader_setup(lang: Lang) -> Setup {
    let mut setup = Setup::new(lang);
    setup.role = Role::Leader;
    setup.role_fixed = true;
    setup
}

/// The setup's answers, None when they quit.
fn setup_answers(
    guard: &mut Guard,
    tty: &Tty,
    mut model: Setup,
    lang: Lang,
) -> std::io::Result<Option<SetupAnswers>> {
    modal(
        guard,
        tty,
        &mut model,
        |m, f, a| super::screens::setup::view::draw(m, lang, f, a),
        |m, k| match m.key(k) {
            SetupOutcome::Stay => None,
            SetupOutcome::Done(a) => Some(Some(a)),
            SetupOutcome::Quit => Some(None),
        },
        |m, p| m.paste(p),
    )
}
