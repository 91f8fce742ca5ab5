//! Who is on duty, as plain data handed to the daily report and the handover (the duty roster
//! module works out who is on now and next; these reports only print it).

/// One person on a duty roster line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DutyLine {
    /// Role (带班领导, 值班员, …).
    pub role: String,
    /// Name.
    pub name: String,
    /// Telephone.
    pub phone: String,
}

/// Who is on duty now and who comes next.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Duty {
    /// On duty now.
    pub now: Vec<DutyLine>,
    /// On duty next.
    pub next: Vec<DutyLine>,
}

impl Duty {
    /// The two lists as report lines: `当前值班：带班领导 王强（电话…）；值班员 张伟` and the
    /// next shift likewise. Empty lists are left out.
    pub fn lines(&self) -> Vec<String> {
        let person = |d: &DutyLine| {
            let mut s = if d.role.is_empty() {
                d.name.clone()
            } else {
                format!("{} {}", d.role, d.name)
            };
            if !d.phone.is_empty() {
                s.push_str(&format!("（{}）", d.phone));
            }
            s
        };
        let join = |v: &[DutyLine]| v.iter().map(person).collect::<Vec<_>>().join("；");
        let mut out = Vec::new();
        if !self.now.is_empty() {
            out.push(format!("当前值班：{}", join(&self.now)));
        }
        if !self.next.is_empty() {
            out.push(format!("下一班：{}", join(&self.next)));
        }
        out
    }
}
