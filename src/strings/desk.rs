//! Texts of the desk's live refresh and its hints (issue 17).

use super::Lang;

/// A form's case was changed at another desk since the form opened.
pub fn changed_meanwhile(lang: Lang, actor: &str, op: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "此事项刚被他人更改（{actor} {op}）：请核对后再按 Ctrl-S 保存，已填写的内容都在"
        ),
        Lang::En => format!(
            "this case was just changed at another desk ({actor}: {op}): check it, then Ctrl-S again to save; what you typed is kept"
        ),
    }
}
