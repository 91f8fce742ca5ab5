//! The contact list (通讯录) from CSV (UTF-8/BOM/GBK) or a spreadsheet, Chinese or English
//! headers: one row per person — `单位, 联系人 (姓名), 职务, 电话 (手机, 办公电话), 微信群, 备注`, other
//! columns tolerated. The Supervision page shows it beside the duty roster; the 催报 list calls
//! the person it names for a plan unit first (the 单位 cell holding the unit's id or full name),
//! the plan's `[[units]] contact` otherwise.

use std::path::Path;

use crate::domain::plan::UnitTree;
use crate::domain::roster::{Contact, UnitContacts, unit_named};

use super::reason::{ListKind, Reason};
use super::report::FileReport;
use super::sheet::{has, read_sheet};

const NAME: &[&str] = &["姓名", "联系人", "name"];
const UNIT: &[&str] = &[
    "单位",
    "部门",
    "所在单位",
    "工作单位",
    "单位名称",
    "unit",
    "department",
    "organisation",
    "organization",
];
const POSITION: &[&str] = &["职务", "岗位", "职位", "position", "title", "role"];
const MOBILE: &[&str] = &["手机", "手机号", "手机号码", "移动电话", "mobile"];
const OFFICE: &[&str] = &["办公电话", "座机", "固定电话", "office", "officephone"];
const ANY_PHONE: &[&str] = &["电话", "联系电话", "联系方式", "phone", "tel"];
const NOTE: &[&str] = &["备注", "note", "remark"];
const WECHAT: &[&str] = &["微信群", "微信", "工作群", "wechat", "wechatgroup"];

/// Read a contact list file.
pub fn read_contacts_file(path: &Path) -> (Vec<Contact>, FileReport) {
    super::input::parse_list_file(path, |bytes| parse_contacts(path, bytes))
}

/// Parse a contact list (CSV or spreadsheet). Rows without a name are skipped; phone numbers that
/// do not look like one are kept with a warning.
pub fn parse_contacts(path: &Path, bytes: &[u8]) -> (Vec<Contact>, FileReport) {
    let (rows, report) = parse_rows(path, bytes);
    (rows.into_iter().map(|r| r.contact).collect(), report)
}

/// Read a contact list file and match its rows to the plan's units.
pub fn read_unit_contacts(path: &Path, units: &UnitTree) -> (UnitContacts, FileReport) {
    super::input::parse_list_file(path, |bytes| parse_unit_contacts(path, bytes, units))
}

/// The contacts of the plan's units: each row whose 单位 names a unit of `units` (by id or full
/// name); a 单位 the plan does not know is a warning at its cell, the row not used for 催报.
pub fn parse_unit_contacts(
    path: &Path,
    bytes: &[u8],
    units: &UnitTree,
) -> (UnitContacts, FileReport) {
    let (rows, mut report) = parse_rows(path, bytes);
    let mut out = UnitContacts::default();
    for row in rows {
        let Some((text, (col, header))) = row.contact.unit.clone().zip(row.unit_column.clone())
        else {
            continue;
        };
        match unit_named(units, &text) {
            Some(unit) => out.keep_first(&unit.id, row.contact),
            None => report.cell(row.line, col + 1, &header, Reason::UnitNotInPlan { text }),
        }
    }
    (out, report)
}

/// A contact with the sheet line it came from and where its 单位 column is.
struct Row {
    contact: Contact,
    line: u64,
    unit_column: Option<(usize, String)>,
}

fn parse_rows(path: &Path, bytes: &[u8]) -> (Vec<Row>, FileReport) {
    let mut report = FileReport::new(path);
    let Some(sheet) = read_sheet(
        bytes,
        &mut report,
        |h| {
            has(h, NAME)
                && (has(h, MOBILE) || has(h, OFFICE) || has(h, ANY_PHONE) || has(h, WECHAT))
        },
        ListKind::Contacts,
    ) else {
        return (Vec::new(), report);
    };
    let name = sheet.find(NAME);
    let mobile = sheet.find(MOBILE);
    let office = sheet.find(OFFICE);
    let any = sheet.find(ANY_PHONE);
    // 手机 + 电话: 电话 is the office line; 电话 alone is the main phone.
    let (phone, office) = match (mobile, office) {
        (Some(m), Some(o)) => (Some(m), Some(o)),
        (Some(m), None) => (Some(m), any),
        (None, o) => (any, o),
    };
    let (unit, position, note) = (sheet.find(UNIT), sheet.find(POSITION), sheet.find(NOTE));
    let wechat = sheet.find(WECHAT);
    let unit_column = unit.map(|c| (c, sheet.header_of(c).to_owned()));
    let mut rows = Vec::new();
    for row in &sheet.rows {
        let Some(n) = row.text(name) else {
            report.cell(
                row.line,
                name.map_or(0, |c| c + 1),
                sheet.header_of(name.unwrap_or(0)),
                Reason::NoName,
            );
            continue;
        };
        for col in [phone, office].into_iter().flatten() {
            if let Some(p) = row.text(Some(col))
                && !looks_like_phone(&p)
            {
                report.cell(
                    row.line,
                    col + 1,
                    sheet.header_of(col),
                    Reason::NotPhone { text: p },
                );
            }
        }
        rows.push(Row {
            contact: Contact {
                name: n,
                unit: row.text(unit),
                position: row.text(position),
                phone: row.text(phone),
                office_phone: row.text(office),
                note: row.text(note),
                wechat_group: row.text(wechat),
            },
            line: row.line,
            unit_column: unit_column.clone(),
        });
    }
    report.values_kept = rows.len() as u64;
    (rows, report)
}

/// At least 5 digits and only the characters phone numbers are written with.
fn looks_like_phone(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    digits >= 5
        && p.chars()
            .all(|c| c.is_ascii_digit() || " -+()（）转、,/;ext".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_with_mobile_and_office_phones() {
        let text = "\u{feff}姓名,单位,职务,手机,电话,备注\n\
                    张三,住建局,副局长,13800000001,0311-1234567,\n\
                    ,交通局,科长,13800000002,,\n\
                    李四,交警大队,,见微信群,,夜间优先\n";
        let (contacts, report) = parse_contacts(Path::new("通讯录.csv"), text.as_bytes());
        assert_eq!(contacts.len(), 2);
        assert_eq!(contacts[0].phone.as_deref(), Some("13800000001"));
        assert_eq!(contacts[0].office_phone.as_deref(), Some("0311-1234567"));
        assert_eq!(contacts[0].position.as_deref(), Some("副局长"));
        assert_eq!(contacts[1].phone.as_deref(), Some("见微信群"));
        assert_eq!(contacts[1].note.as_deref(), Some("夜间优先"));
        let got: Vec<(Option<u64>, Option<&str>)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![(Some(3), Some("1 (姓名)")), (Some(4), Some("4 (手机)"))]
        );
        assert_eq!(report.encoding.as_deref(), Some("UTF-8 (BOM)"));
    }

    #[test]
    fn unit_contacts_match_the_plan_by_id_or_name_and_unknown_units_are_warned() {
        let plan = crate::domain::plan::default_plan().expect("plan");
        let hedong = plan.units.get("town-hedong").expect("unit").name.clone();
        let text = format!(
            "单位,联系人,职务,电话,微信群,分管领导\n\
             {hedong},王河东,联络员,13900000001,河东镇大气办工作群,李镇长\n\
             jtj,赵交通,科长,13900000002,,\n\
             jtj,钱备用,副科长,13900000003,,\n\
             县不存在局,孙某,科员,13900000004,,\n\
             ,周某,科员,13900000005,,\n"
        );
        let (contacts, report) =
            parse_unit_contacts(Path::new("contacts.csv"), text.as_bytes(), &plan.units);
        assert_eq!(contacts.len(), 2);
        let c = contacts.get("town-hedong").expect("by name");
        assert_eq!(c.name, "王河东");
        assert_eq!(c.position.as_deref(), Some("联络员"));
        assert_eq!(c.wechat_group.as_deref(), Some("河东镇大气办工作群"));
        assert_eq!(
            contacts.get("jtj").map(|c| c.name.as_str()),
            Some("赵交通"),
            "first row wins"
        );
        let got: Vec<(Option<u64>, Option<&str>)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![(Some(5), Some("1 (单位)"))],
            "{:?}",
            report.problems
        );
        assert!(
            crate::ingest::reason::en(&report.problems[0].reason).contains("县不存在局"),
            "{:?}",
            report.problems
        );
        // The same file without the plan is the Supervision page's list, every row kept.
        let (all, _) = parse_contacts(Path::new("contacts.csv"), text.as_bytes());
        assert_eq!(all.len(), 5);
    }

    #[test]
    fn the_sample_contact_list_names_only_units_of_the_sample_plan() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let plan_text = std::fs::read_to_string(root.join("plan.toml")).expect("plan");
        let plan = crate::domain::plan::parse(&plan_text).expect("sample plan");
        let (contacts, report) = read_unit_contacts(&root.join("contacts.csv"), &plan.units);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(contacts.len() >= 10, "{}", contacts.len());
    }
}
