//! The demo office's people: reception clerks, two leaders and handlers in
//! the departments cases are assigned to.

use crate::domain::documents::OfficeProfile;
use crate::domain::rules::{Operator, names_accused};
use crate::domain::types::Role;
use crate::store::{Store, StoreError};

pub const CLERKS: [&str; 3] = ["李娜", "陈静", "刘晓燕"];
/// 赵建国 局长 and 孙丽 副局长.
pub const LEADERS: [&str; 2] = ["赵建国", "孙丽"];

/// Each department with its handlers.
pub const DEPARTMENTS: [(&str, [&str; 2]); 10] = [
    ("城建科", ["周志强", "吴海燕"]),
    ("社保科", ["何建华", "高倩"]),
    ("教育科", ["林晓梅", "郭磊"]),
    ("信访办综合科", ["马俊", "罗雪"]),
    ("市场监管科", ["梁斌", "宋佳"]),
    ("环保科", ["谢卫东", "韩冬梅"]),
    ("民政科", ["唐秀英", "冯刚"]),
    ("自然资源科", ["于洋", "董振华"]),
    ("农业农村科", ["程立新", "曹丽萍"]),
    ("卫健科", ["袁芳", "邓涛"]),
];

/// The department that usually handles a category (an index into
/// `DEPARTMENTS`); 信访办综合科 takes what has no home.
pub fn department_for(category: &str) -> usize {
    match category {
        "城乡建设" => 0,
        "劳动社保" => 1,
        "教育" | "科技文体" => 2,
        "经济综合" | "商贸旅游" | "信息产业" => 4,
        "交通能源环保" => 5,
        "民政" => 6,
        "国土资源水利林业" => 7,
        "农村农业" => 8,
        "卫生计生" => 9,
        _ => 3,
    }
}

/// Whether a department or its handler is named by the accused unit or
/// person: such an assignment is refused (2022 Art 30).
pub fn conflicts(department: &str, handler: &str, accused: [Option<&str>; 2]) -> bool {
    accused
        .into_iter()
        .flatten()
        .any(|t| names_accused(department, t) || names_accused(handler, t))
}

/// Adds the departments and operators (an existing operator of the same
/// name takes the demo role).
pub fn setup(store: &mut Store) -> Result<(), StoreError> {
    let op = |name: &str, role: Role, department: Option<&str>| Operator {
        name: name.to_owned(),
        role,
        department: department.map(str::to_owned),
        active: true,
        unit: None,
        department_wide: false,
    };
    for name in CLERKS {
        store.put_operator(&op(name, Role::Clerk, None))?;
    }
    for name in LEADERS {
        store.put_operator(&op(name, Role::Leader, None))?;
    }
    for (department, handlers) in DEPARTMENTS {
        store.put_department(department, true)?;
        for name in handlers {
            store.put_operator(&op(name, Role::Handler, Some(department)))?;
        }
    }
    letterhead(store)
}

/// A demo letterhead where the office has none, so that every document can be tried on
/// the demo (a notice names its office, its number's prefix, and the 复查机关, Art 35).
/// What the office set already stays.
fn letterhead(store: &mut Store) -> Result<(), StoreError> {
    let have = store.office_profile()?;
    let fill = |now: &str, demo: &str| {
        if now.trim().is_empty() {
            demo.to_owned()
        } else {
            String::new()
        }
    };
    store.set_office_profile(&OfficeProfile {
        name: fill(&have.name, "演示区信访局"),
        address: fill(&have.address, "演示区人民路1号"),
        hotline: fill(&have.hotline, "12345"),
        prefix: fill(&have.prefix, "演信"),
        seal: fill(&have.seal, "演示区信访局"),
        review_organ: fill(&have.review_organ, "演示市信访局"),
        ..OfficeProfile::default()
    })?;
    Ok(())
}
