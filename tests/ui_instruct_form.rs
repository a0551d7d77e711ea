//! The 批示 form shows the leader the whole opinion they approve or return, wrapped under
//! the title, not its first line cut at the window's edge.

mod common;

use common::desk::{drawn, given, on_case};
use common::fixture::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::domain::command::Command;
use xinfang::domain::types::Decision;
use xinfang::strings::Lang;
use xinfang::ui::app::Msg;
use xinfang::ui::runtime;

#[test]
fn the_instruction_form_shows_the_whole_opinion() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ledger(&dir.path().join("l.db"));
    let opinion = "经调查核实，信访人反映的拆迁补偿款确因街道财政拨付流程延误未能按期到位，\
                   建议依据现行政策向信访人做好解释说明工作，同时督促街道办事处在十五个工作日内\
                   完成补偿款拨付，并将办理结果书面告知信访人，末尾核对句。";
    given(
        &mut store,
        vec![
            (None, Command::Intake(Box::new(intake_input())), "李娜"),
            (Some(1), Command::Register(Decision::Accept), "李娜"),
            (Some(1), assign("城建科", "王强"), "李娜"),
            (
                Some(1),
                Command::Opinion {
                    text: opinion.into(),
                },
                "王强",
            ),
        ],
    );
    let mut app = on_case(&mut store, "赵局长", Lang::Zh, t(5), 1);
    let key = KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE);
    runtime::dispatch(&mut store, &mut app, Msg::Key(key));
    let shown = drawn(&app);
    assert!(shown.contains("处理意见（王强）"), "{shown}");
    assert!(shown.contains("末尾核对句。"), "{shown}");
}
