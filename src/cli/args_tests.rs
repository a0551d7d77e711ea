//! The command line's help in both languages: every closed set listed, no English label
//! left in the Chinese, no empty block.

use super::*;

#[test]
fn grammar_is_consistent() {
    command(Lang::Zh).debug_assert();
    command(Lang::En).debug_assert();
}

/// Every command's help, long form, at every level.
fn every_help(cmd: &mut clap::Command, out: &mut Vec<String>) {
    out.push(cmd.render_long_help().to_string());
    for sub in cmd.get_subcommands_mut() {
        every_help(sub, out);
    }
}

/// Every option's possible values, with the help it has, at every level.
fn values_and_helps(cmd: &clap::Command, out: &mut Vec<(Vec<String>, String)>) {
    for a in cmd.get_arguments() {
        let values: Vec<String> = (a.get_possible_values().iter())
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() {
            let help = a.get_help().map(ToString::to_string).unwrap_or_default();
            out.push((values, help));
        }
    }
    for sub in cmd.get_subcommands() {
        values_and_helps(sub, out);
    }
}

/// The Chinese help hides clap's English list of values: each option's own help names
/// every value instead.
#[test]
fn the_chinese_help_names_every_value_it_hides() {
    let mut cmd = command(Lang::Zh);
    cmd.build();
    let mut found = Vec::new();
    values_and_helps(&cmd, &mut found);
    assert!(found.len() > 3, "{found:?}");
    for (values, help) in found {
        for v in values {
            assert!(help.contains(&v), "{v} not in: {help}");
        }
    }
}

#[test]
fn the_chinese_help_has_none_of_clap_s_english_labels() {
    let mut helps = Vec::new();
    every_help(&mut command(Lang::Zh), &mut helps);
    assert!(helps.len() > 40, "{}", helps.len());
    for help in &helps {
        for english in ["[default:", "[env:", "Possible values", "[possible values"] {
            assert!(!help.contains(english), "{english}\n{help}");
        }
        // A value is named for the user, not by the grammar's id (`<screening_format>`).
        assert!(
            !help.contains("_format>") && !help.contains("<screening_"),
            "{help}"
        );
    }
    let all = helps.concat();
    assert!(all.contains("生成多少件（默认：1000）"), "{all}");
    // Said once where the help says it already.
    assert!(!all.contains("默认）、quarter、year（默认"), "{all}");
    // The English help keeps clap's labels.
    let mut en = Vec::new();
    every_help(&mut command(Lang::En), &mut en);
    assert!(en.concat().contains("[default: 1000]"));
}

/// No run of blank lines under the usage (a command without arguments left an empty
/// block there), and no empty variable value in the English help.
#[test]
fn the_help_has_no_empty_blocks() {
    for lang in [Lang::Zh, Lang::En] {
        let mut helps = Vec::new();
        every_help(&mut command(lang), &mut helps);
        for help in &helps {
            assert!(!help.contains("\n\n\n"), "{help}");
            assert!(!help.contains("=]"), "{help}");
        }
    }
}

#[test]
fn closed_sets_are_listed_whole_in_the_help() {
    use crate::domain::documents::DocKind;
    use crate::domain::screening::DisputeKind;
    for lang in [Lang::Zh, Lang::En] {
        let kinds = text::arg_help_listing(lang, "kind").unwrap_or_default();
        for k in DocKind::ALL {
            assert!(kinds.contains(k.code()), "{lang:?} {k:?}: {kinds}");
        }
        let disputes = text::arg_help_listing(lang, "screening_kind").unwrap_or_default();
        for k in DisputeKind::ALL {
            assert!(disputes.contains(k.code()), "{lang:?} {k:?}: {disputes}");
        }
    }
    let mut cmd = command(Lang::Zh);
    let add = cmd
        .find_subcommand_mut("screening")
        .and_then(|s| s.find_subcommand_mut("add"))
        .map(|a| a.render_help().to_string())
        .unwrap_or_default();
    assert!(add.contains("纠纷类型：family"), "{add}");
    assert!(!add.contains("文书种类"), "{add}");
}

#[test]
fn help_speaks_both_languages() {
    let zh = command(Lang::Zh).render_help().to_string();
    assert!(zh.contains("台账文件路径"), "{zh}");
    assert!(zh.contains("命令："), "{zh}");
    let en = command(Lang::En).render_help().to_string();
    assert!(en.contains("ledger file"), "{en}");
    let mut cmd = command(Lang::Zh);
    let show = cmd
        .find_subcommand_mut("show")
        .map(|s| s.render_help().to_string());
    assert!(show.unwrap_or_default().contains("案件编号"));
}
