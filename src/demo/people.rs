//! Made-up petitioners: common Chinese names, valid resident ID numbers
//! (GB 11643-1999 check character), mobile numbers and street addresses.

use chrono::{Datelike, Days, NaiveDate};
use rand::Rng;
use rand::rngs::StdRng;

use crate::domain::case::Petitioner;
use crate::domain::identity::{IdType, Sex};

/// Surnames, most common first (李 王 张 刘 陈 cover about a third of people).
const SURNAMES: &str = "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
/// Given-name characters, most common first (王伟, 张伟, 李娜 come out often).
const MALE: &str = "伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建志文博海峰东成亮兵新德永福生庆荣国";
const FEMALE: &str = "芳娜敏静丽艳娟霞秀英玲桂兰萍红梅琳燕洁婷雪颖倩慧晶琴云莉淑珍凤玉佳欣丹";
/// GB/T 2260 county codes for the ID numbers (where people were registered at birth).
const REGIONS: [&str; 12] = [
    "330106", "330102", "330110", "330182", "110105", "310104", "440305", "510107", "320102",
    "420106", "370102", "410105",
];
const MOBILE_PREFIXES: [&str; 27] = [
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "180", "181", "182", "183", "185", "186", "187", "188",
    "189",
];
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const WORK_UNITS: [&str; 8] = [
    "退休",
    "无业",
    "个体经营",
    "务农",
    "灵活就业",
    "华通电子科技有限公司",
    "区第二中学",
    "利民物流有限公司",
];

/// Where a case happens; the same places reappear in the address and text.
#[derive(Debug, Clone, Copy)]
pub struct Places {
    pub district: &'static str,
    pub street: &'static str,
    pub community: &'static str,
    pub town: &'static str,
    pub village: &'static str,
    pub company: &'static str,
    pub property: &'static str,
    pub school: &'static str,
    pub hospital: &'static str,
    pub road: &'static str,
}

const DISTRICTS: [&str; 6] = ["鼓楼区", "城南区", "城北区", "高新区", "滨江区", "经开区"];
const STREETS: [&str; 12] = [
    "人民路街道",
    "解放街道",
    "新华街道",
    "朝阳街道",
    "东风街道",
    "建设街道",
    "和平街道",
    "长安街道",
    "文化街道",
    "清河街道",
    "望江街道",
    "东湖街道",
];
const COMMUNITIES: [&str; 20] = [
    "阳光花园小区",
    "锦绣家园小区",
    "幸福里小区",
    "翠湖苑小区",
    "金色港湾小区",
    "书香名邸小区",
    "城市花园小区",
    "紫荆苑小区",
    "丽景湾小区",
    "碧水蓝天小区",
    "和谐家园小区",
    "怡景苑小区",
    "金桂园小区",
    "滨江一号小区",
    "春晓苑小区",
    "桂花园小区",
    "香樟园小区",
    "东方名都小区",
    "南湖新村",
    "学府雅居小区",
];
const TOWNS: [&str; 8] = [
    "城关镇",
    "河口镇",
    "新店镇",
    "柳林镇",
    "石桥镇",
    "永丰镇",
    "白沙镇",
    "青山镇",
];
const VILLAGES: [&str; 10] = [
    "王家村",
    "李庄村",
    "河西村",
    "大柳村",
    "新桥村",
    "石门村",
    "后湾村",
    "张家湾村",
    "高坡村",
    "杨树村",
];
const COMPANIES: [&str; 10] = [
    "鑫达建筑工程有限公司",
    "华通电子科技有限公司",
    "顺发食品有限公司",
    "利民物流有限公司",
    "恒泰机械制造有限公司",
    "金鼎房地产开发有限公司",
    "宏图装饰工程有限公司",
    "新源纺织有限公司",
    "佳美餐饮管理有限公司",
    "远航汽车销售服务有限公司",
];
const PROPERTIES: [&str; 5] = [
    "宏远物业服务有限公司",
    "安居物业管理有限公司",
    "绿洲物业服务有限公司",
    "万家物业管理有限公司",
    "佳和物业服务有限公司",
];
const SCHOOLS: [&str; 7] = [
    "实验小学",
    "第二中学",
    "育才小学",
    "阳光幼儿园",
    "第五中学",
    "文昌小学",
    "启明幼儿园",
];
const HOSPITALS: [&str; 5] = [
    "区人民医院",
    "区中医院",
    "市第一人民医院",
    "社区卫生服务中心",
    "市妇幼保健院",
];
const ROADS: [&str; 9] = [
    "人民路",
    "解放路",
    "中山路",
    "建设大道",
    "滨江路",
    "新华路",
    "长江路",
    "学府路",
    "工业大道",
];

fn pick<T: Copy>(rng: &mut StdRng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

/// An index into `n` items, skewed towards the front (the common ones).
fn skewed(rng: &mut StdRng, n: usize, power: f64) -> usize {
    let u: f64 = rng.random();
    ((n as f64) * u.powf(power)).min(n as f64 - 1.0) as usize
}

fn nth_char(s: &str, n: usize) -> char {
    s.chars().nth(n).unwrap_or('某')
}

impl Places {
    pub fn random(rng: &mut StdRng) -> Places {
        Places {
            district: pick(rng, &DISTRICTS),
            street: pick(rng, &STREETS),
            community: pick(rng, &COMMUNITIES),
            town: pick(rng, &TOWNS),
            village: pick(rng, &VILLAGES),
            company: pick(rng, &COMPANIES),
            property: pick(rng, &PROPERTIES),
            school: pick(rng, &SCHOOLS),
            hospital: pick(rng, &HOSPITALS),
            road: pick(rng, &ROADS),
        }
    }
}

/// Per mille of people with each of the first 20 of `SURNAMES` (李 7.4%,
/// 王 7.1%, 张 6.8% …); the other surnames share the rest evenly.
const TOP_PER_MILLE: [u32; 20] = [
    74, 71, 68, 54, 45, 31, 22, 20, 19, 19, 16, 15, 14, 13, 13, 12, 12, 11, 11, 10,
];

/// A surname drawn by frequency.
pub fn surname(rng: &mut StdRng) -> char {
    let mut x = rng.random_range(0..1000);
    for (i, w) in TOP_PER_MILLE.iter().enumerate() {
        if x < *w {
            return nth_char(SURNAMES, i);
        }
        x -= w;
    }
    let rest = SURNAMES.chars().count() - TOP_PER_MILLE.len();
    nth_char(SURNAMES, TOP_PER_MILLE.len() + rng.random_range(0..rest))
}

/// A full name: surname and one (often) or two given characters.
pub fn name(rng: &mut StdRng, sex: Sex) -> String {
    let pool = match sex {
        Sex::Male => MALE,
        Sex::Female => FEMALE,
    };
    let n = pool.chars().count();
    let mut s = String::with_capacity(9);
    s.push(surname(rng));
    if rng.random_bool(0.55) {
        s.push(nth_char(pool, rng.random_range(0..n)));
    }
    s.push(nth_char(pool, skewed(rng, n, 1.8)));
    s
}

/// The GB 11643-1999 check character of 17 digits.
pub fn check_char(first17: &[u8]) -> char {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d.wrapping_sub(b'0')) * w)
        .sum();
    char::from(b"10X98765432"[(sum % 11) as usize])
}

/// A valid 18-character resident ID number (about 1 in 100 is a legacy
/// 15-digit number for people born before 1980, which the desk flags).
pub fn id_number(rng: &mut StdRng, sex: Sex) -> String {
    let start = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap_or(NaiveDate::MIN);
    let birth = start
        .checked_add_days(Days::new(rng.random_range(0..22_280)))
        .unwrap_or(start);
    let region = pick(rng, &REGIONS);
    let parity = u32::from(sex == Sex::Male);
    let seq = rng.random_range(0..50u32) * 2 + parity;
    let mut s = String::with_capacity(18);
    s.push_str(region);
    if birth.year() < 1980 && rng.random_bool(0.01) {
        let yy = birth.year() % 100;
        s.push_str(&format!(
            "{yy:02}{:02}{:02}{}{seq:02}",
            birth.month(),
            birth.day(),
            rng.random_range(0..10)
        ));
        return s;
    }
    s.push_str(&format!(
        "{}{:02}{:02}{}{seq:02}",
        birth.year(),
        birth.month(),
        birth.day(),
        rng.random_range(0..10)
    ));
    let check = check_char(s.as_bytes());
    s.push(check);
    s
}

pub fn mobile(rng: &mut StdRng) -> String {
    let mut s = String::with_capacity(11);
    s.push_str(pick(rng, &MOBILE_PREFIXES));
    s.push_str(&format!("{:08}", rng.random_range(0..100_000_000u32)));
    s
}

/// "鼓楼区人民路街道阳光花园小区3栋2单元1502室", or a village address.
pub fn address(rng: &mut StdRng, p: &Places, rural: bool) -> String {
    if rural {
        return format!(
            "{}{}{}组{}号",
            p.town,
            p.village,
            rng.random_range(1..9),
            rng.random_range(1..80)
        );
    }
    format!(
        "{}{}{}{}栋{}单元{}{:02}室",
        p.district,
        p.street,
        p.community,
        rng.random_range(1..=32),
        rng.random_range(1..=4),
        rng.random_range(1..=26),
        rng.random_range(1..=4)
    )
}

/// What a petitioner brings along, by how the petition came in.
#[derive(Debug, Clone, Copy)]
pub struct Brings {
    pub id: f64,
    pub phone: f64,
    pub address: f64,
}

/// Someone who may come back later with the same matter.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub sex: Sex,
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub work_unit: Option<&'static str>,
}

impl Person {
    pub fn random(rng: &mut StdRng, places: &Places, rural: bool, brings: Brings) -> Person {
        let sex = if rng.random_bool(0.55) {
            Sex::Male
        } else {
            Sex::Female
        };
        let name = name(rng, sex);
        let id_number = rng.random_bool(brings.id).then(|| id_number(rng, sex));
        let phone = rng.random_bool(brings.phone).then(|| mobile(rng));
        let address = if rng.random_bool(brings.address) {
            // Most live where the problem is; some come from elsewhere.
            let home = if rng.random_bool(0.8) {
                *places
            } else {
                Places::random(rng)
            };
            Some(address(rng, &home, rural))
        } else {
            None
        };
        let work_unit = rng.random_bool(0.25).then(|| pick(rng, &WORK_UNITS));
        Person {
            name,
            sex,
            id_number,
            phone,
            address,
            work_unit,
        }
    }

    pub fn petitioner(&self, main: bool, representative: bool) -> Petitioner {
        Petitioner {
            name: self.name.clone(),
            sex: Some(self.sex),
            id_type: IdType::ResidentId,
            id_number: self.id_number.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            work_unit: self.work_unit.map(str::to_owned),
            main,
            representative,
            legacy_id: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identity::check_id;
    use crate::domain::phone::check_phone;
    use rand::SeedableRng;

    #[test]
    fn ids_and_phones_pass_the_desk_checks() {
        let mut rng = StdRng::seed_from_u64(7);
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or(NaiveDate::MAX);
        assert_eq!(check_char(b"11010519491231002"), 'X');
        for _ in 0..5000 {
            let sex = if rng.random_bool(0.5) {
                Sex::Male
            } else {
                Sex::Female
            };
            let id = id_number(&mut rng, sex);
            let checked = check_id(IdType::ResidentId, &id, today).unwrap();
            assert_eq!(checked.sex, Some(sex), "{id}");
            check_phone(&mobile(&mut rng)).unwrap();
            let n = name(&mut rng, sex).chars().count();
            assert!((2..=3).contains(&n));
        }
    }
}
