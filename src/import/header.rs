//! Which column holds what: the register's own headings and the names offices commonly
//! use for them, the office's own mapping (`--map 来访日期=收件日期`, `--map-file`), and
//! the header row found below a merged title row.

use std::collections::BTreeMap;

use super::read::Value;

/// What an imported column means. Columns of anything else are read past.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    OldNo,
    Received,
    Channel,
    Name,
    Sex,
    IdNumber,
    Phone,
    Address,
    People,
    Category,
    Target,
    Location,
    Summary,
    Request,
    Decision,
    Route,
    Department,
    Handler,
    Leader,
    Extension,
    Supervision,
    Replied,
    Result,
    Service,
    Satisfaction,
    Archived,
}

impl Field {
    pub const ALL: [Field; 26] = [
        Field::OldNo,
        Field::Received,
        Field::Channel,
        Field::Name,
        Field::Sex,
        Field::IdNumber,
        Field::Phone,
        Field::Address,
        Field::People,
        Field::Category,
        Field::Target,
        Field::Location,
        Field::Summary,
        Field::Request,
        Field::Decision,
        Field::Route,
        Field::Department,
        Field::Handler,
        Field::Leader,
        Field::Extension,
        Field::Supervision,
        Field::Replied,
        Field::Result,
        Field::Service,
        Field::Satisfaction,
        Field::Archived,
    ];

    /// The names a heading may have: the first is the one a mapping names (the register
    /// export's own heading where it has one), then the usual variants, then English.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Field::OldNo => &["原编号", "编号", "登记编号", "信访编号", "案件编号", "No."],
            Field::Received => &[
                "收件日期",
                "来访日期",
                "登记日期",
                "来信日期",
                "信访日期",
                "收信日期",
                "Received",
            ],
            Field::Channel => &["信访形式", "信访方式", "来访方式", "Channel"],
            Field::Name => &["信访人", "姓名", "信访人姓名", "来访人", "Petitioners"],
            Field::Sex => &["性别", "Sex"],
            Field::IdNumber => &[
                "身份证号",
                "身份证",
                "身份证号码",
                "证件号码",
                "公民身份号码",
                "ID numbers",
            ],
            Field::Phone => &["电话", "联系电话", "手机", "手机号码", "联系方式", "Phones"],
            Field::Address => &[
                "住址/单位",
                "住址",
                "地址",
                "家庭住址",
                "Address / work unit",
            ],
            Field::People => &["人数", "People"],
            Field::Category => &["问题分类", "问题类别", "内容分类", "类别", "Category"],
            Field::Target => &[
                "被反映单位/人",
                "被反映单位",
                "被反映人",
                "Accused unit / person",
            ],
            Field::Location => &["问题发生地", "发生地", "问题属地", "Location"],
            Field::Summary => &[
                "主要问题",
                "反映问题",
                "信访事项",
                "反映内容",
                "主要内容",
                "Summary",
            ],
            Field::Request => &["诉求", "主要诉求", "信访诉求", "Request"],
            Field::Decision => &["受理情况", "受理意见", "办理方式", "Decision"],
            Field::Route => &["告知途径", "途径", "Route"],
            Field::Department => &["承办部门", "承办单位", "责任单位", "交办单位", "Department"],
            Field::Handler => &["承办人", "经办人", "Handler"],
            Field::Leader => &["包案领导", "Owner leader"],
            Field::Extension => &["延期", "延期情况", "Extension"],
            Field::Supervision => &["督办", "督办情况", "Supervision"],
            Field::Replied => &["答复日期", "办结日期", "Replied"],
            Field::Result => &["处理结果", "答复意见", "办理结果", "答复内容", "Result"],
            Field::Service => &["送达", "送达情况", "Service"],
            Field::Satisfaction => &["回访满意度", "满意度", "回访情况", "Satisfaction"],
            Field::Archived => &["归档日期", "Archived"],
        }
    }

    pub fn name(self) -> &'static str {
        self.names()[0]
    }

    /// The field a heading names, blanks and full-width spaces ignored.
    pub fn named(heading: &str) -> Option<Field> {
        let h = squeeze(heading);
        Field::ALL
            .into_iter()
            .find(|f| f.names().iter().any(|n| squeeze(n) == h))
    }
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect::<String>()
        .to_lowercase()
}

/// The office's own headings: heading in its file → the field it means.
#[derive(Debug, Clone, Default)]
pub struct Mapping(BTreeMap<String, Field>);

impl Mapping {
    /// Adds `来访日期=收件日期`; Err with the part that is not understood.
    pub fn add(&mut self, pair: &str) -> Result<(), String> {
        let (theirs, ours) = pair.split_once('=').ok_or_else(|| pair.trim().to_owned())?;
        let field = Field::named(ours).ok_or_else(|| ours.trim().to_owned())?;
        self.0.insert(squeeze(theirs), field);
        Ok(())
    }

    /// A mapping file: one `theirs=ours` a line; blank lines and `#` comments read past.
    pub fn add_file(&mut self, text: &str) -> Result<(), String> {
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            self.add(line)?;
        }
        Ok(())
    }

    fn field(&self, heading: &str) -> Option<Field> {
        self.0
            .get(&squeeze(heading))
            .copied()
            .or_else(|| Field::named(heading))
    }
}

/// The header row: among the first rows, the one naming most fields (a merged title row
/// above it names none). Returns its index and what each column holds.
pub fn find_header(rows: &[Vec<Value>], map: &Mapping) -> Option<(usize, Vec<Option<Field>>)> {
    let columns = |row: &Vec<Value>| -> Vec<Option<Field>> {
        row.iter().map(|v| map.field(&v.text())).collect()
    };
    let (at, cols) = (rows.iter().take(20).enumerate())
        .map(|(i, r)| (i, columns(r)))
        .max_by_key(|(i, c)| (c.iter().flatten().count(), usize::MAX - i))?;
    // A register names at least its date and its matter.
    let has = |f| cols.contains(&Some(f));
    (has(Field::Received) && has(Field::Summary)).then_some((at, cols))
}

/// The mapping template `import --template` writes: every field with its usual names.
pub fn template(comment: &str) -> String {
    let mut out = format!("# {comment}\n");
    for f in Field::ALL {
        let others = f.names()[1..].join(" / ");
        out.push_str(&format!(
            "# {}: {others}\n{}={}\n",
            f.name(),
            f.name(),
            f.name()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Value> {
        cells.iter().map(|c| Value::Text((*c).to_owned())).collect()
    }

    #[test]
    fn the_header_is_found_under_a_title_row_and_mapped() {
        let rows = vec![
            row(&["某县信访局2024年来访登记台账", "", ""]),
            row(&["来访日期", "信访人", "反映问题", "接谈科室"]),
        ];
        let mut map = Mapping::default();
        map.add("接谈科室=承办部门").unwrap();
        let (at, cols) = find_header(&rows, &map).unwrap();
        assert_eq!(at, 1);
        assert_eq!(
            cols,
            [
                Some(Field::Received),
                Some(Field::Name),
                Some(Field::Summary),
                Some(Field::Department)
            ]
        );
        assert_eq!(map.add("x=不存在"), Err("不存在".to_owned()));
    }

    #[test]
    fn names_are_not_shared_between_fields() {
        let mut seen = std::collections::HashSet::new();
        for f in Field::ALL {
            for n in f.names() {
                assert!(seen.insert(squeeze(n)), "{n} twice");
            }
        }
    }
}
