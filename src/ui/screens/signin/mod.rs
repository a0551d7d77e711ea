//! 登录: the desk's sign-in screen, also its idle lock and the step in which an
//! operator replaces a one-time passphrase. A self-contained model (keys in,
//! `SignInOutcome` out): the sign-in before the ledger opens runs it in its own
//! loop (`ui::start`), the idle lock inside the desk (`App::lock`). It holds the
//! typed passphrase only until Enter hands it over; the store checks it.

pub mod recovery;
pub mod update;
pub mod view;

use zeroize::Zeroizing;

use crate::ui::widgets::text_field::TextField;

/// Where the screen is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Name and passphrase.
    Enter,
    /// A one-time passphrase was right: the new one, first time…
    NewFirst,
    /// …and again.
    NewAgain,
}

#[derive(Debug, Clone)]
pub struct SignIn {
    /// Who may sign in (those with a key slot); only one when locked.
    pub names: Vec<String>,
    pub selected: usize,
    /// The name is being chosen: typing filters the names (`filter`), and only Enter moves
    /// on to the passphrase. On when several may sign in and none was preselected (a trial
    /// typed its own name into the first name's passphrase and counted a wrong try there).
    pub naming: bool,
    pub filter: String,
    /// The idle lock: the name is the operator's, no other.
    pub locked: bool,
    /// The first leader's passphrase in a new ledger's setup (not a one-time one).
    pub setup: bool,
    /// A leader gives `names[0]` a one-time passphrase (settings).
    pub reset: bool,
    pub stage: Stage,
    /// What is typed, shown masked.
    pub field: TextField,
    first_new: Zeroizing<String>,
    /// The last refusal or check, in words.
    pub message: Option<String>,
}

/// What the screen asks of its host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInOutcome {
    Stay,
    /// Check this passphrase for this name.
    Try {
        name: String,
        passphrase: Zeroizing<String>,
    },
    /// The operator chose this new passphrase (typed twice, long enough).
    Change {
        name: String,
        passphrase: Zeroizing<String>,
    },
    Quit,
}

impl SignIn {
    /// The sign-in screen: `names` with a slot, `preselect` (`--as`) chosen if listed.
    pub fn new(names: Vec<String>, preselect: Option<&str>) -> SignIn {
        let chosen = preselect.and_then(|p| names.iter().position(|n| n == p));
        SignIn {
            naming: chosen.is_none() && names.len() > 1,
            filter: String::new(),
            names,
            selected: chosen.unwrap_or(0),
            locked: false,
            setup: false,
            reset: false,
            stage: Stage::Enter,
            field: TextField::default(),
            first_new: Zeroizing::new(String::new()),
            message: None,
        }
    }

    /// The idle lock over the desk of `name`.
    pub fn lock(name: &str) -> SignIn {
        SignIn {
            locked: true,
            ..SignIn::new(vec![name.to_owned()], None)
        }
    }

    /// The name chosen.
    pub fn name(&self) -> Option<&str> {
        self.names.get(self.selected).map(String::as_str)
    }

    /// A passphrase refused (or a lockout): said, and the field emptied.
    pub fn refused(&mut self, message: String) {
        self.message = Some(message);
        self.field.clear();
    }

    /// The one-time passphrase was right: now the operator's own, twice.
    pub fn ask_new(&mut self) {
        self.stage = Stage::NewFirst;
        self.field.clear();
        self.message = None;
    }
}
