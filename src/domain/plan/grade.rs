//! Enterprise environmental-performance grades (绩效分级, DOMAIN.md §2.4): what an industry
//! measure of the plan applies to, and what each enterprise of the emission-reduction list is.

/// An enterprise's performance grade, or the special category it is listed under. The order is
/// the order lists and reports use: A, 引领性, B, C, D, 非分级, 民生保障.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Grade {
    /// Grade A: self-determined reduction (自主减排).
    A,
    /// Performance-leading (绩效引领性) enterprises: treated like A.
    #[serde(rename = "leading")]
    Leading,
    /// Grade B: limit instead of stop (以限代停).
    B,
    /// Grade C: stop instead of limit (以停代限).
    C,
    /// Grade D: stop production.
    D,
    /// Listed but not graded enterprises (非绩效分级企业).
    #[default]
    #[serde(rename = "unrated")]
    Unrated,
    /// Livelihood guarantee (民生保障: heating, waste co-processing): produce according to heat
    /// demand (以热定产).
    #[serde(rename = "livelihood")]
    Livelihood,
}

impl Grade {
    /// Every grade, in list order.
    pub const ALL: [Grade; 7] = [
        Grade::A,
        Grade::Leading,
        Grade::B,
        Grade::C,
        Grade::D,
        Grade::Unrated,
        Grade::Livelihood,
    ];

    /// The label as lists write it (A, 引领性, B, C, D, 非分级, 民生保障); also the key of
    /// `by_grade` in `airdesk reduction --json`.
    pub fn label(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::Leading => "引领性",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::Unrated => "非分级",
            Grade::Livelihood => "民生保障",
        }
    }

    /// Read a grade as lists write it: `A`, `A级`, `绩效引领性`, `B-级` (read as B), `非分级`,
    /// `民生保障类` …; `None` for anything else.
    pub fn parse(text: &str) -> Option<Grade> {
        let t: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                'Ａ' | 'ａ' => 'A',
                'Ｂ' | 'ｂ' => 'B',
                'Ｃ' | 'ｃ' => 'C',
                'Ｄ' | 'ｄ' => 'D',
                '－' | '—' | '–' => '-',
                c => c.to_ascii_uppercase(),
            })
            .collect();
        let known = |t: &str| {
            Some(match t {
                "A" => Grade::A,
                "引领性" | "绩效引领性" | "引领" | "LEADING" => Grade::Leading,
                "B" | "B-" => Grade::B,
                "C" => Grade::C,
                "D" => Grade::D,
                "非分级" | "非绩效分级" | "未分级" | "其他" | "UNRATED" | "UNGRADED" => {
                    Grade::Unrated
                }
                "民生保障" | "保障" | "民生" | "LIVELIHOOD" => Grade::Livelihood,
                _ => return None,
            })
        };
        let bare = t
            .trim_end_matches("企业")
            .trim_end_matches('类')
            .trim_end_matches('级');
        known(&t)
            .or_else(|| known(t.trim_end_matches("企业").trim_end_matches('类')))
            .or_else(|| known(bare))
    }

    /// Whether the enterprise reduces on its own account (A and 引领性: 自主减排, tracked but not
    /// ordered).
    pub fn is_self_determined(self) -> bool {
        matches!(self, Grade::A | Grade::Leading)
    }

    /// The grade whose plan measure applies when the plan has none for this one: 引领性 takes
    /// A's, 民生保障 the non-graded enterprises'.
    pub fn plan_fallback(self) -> Grade {
        match self {
            Grade::Leading => Grade::A,
            Grade::Livelihood => Grade::Unrated,
            g => g,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_as_lists_write_them() {
        for (text, grade) in [
            ("A", Grade::A),
            ("A级", Grade::A),
            ("ａ级企业", Grade::A),
            ("绩效引领性", Grade::Leading),
            ("引领性企业", Grade::Leading),
            ("B级", Grade::B),
            ("B-级", Grade::B),
            ("c", Grade::C),
            ("D 级", Grade::D),
            ("非分级", Grade::Unrated),
            ("非绩效分级企业", Grade::Unrated),
            ("民生保障类", Grade::Livelihood),
        ] {
            assert_eq!(Grade::parse(text), Some(grade), "{text}");
        }
        for bad in ["E", "", "AB", "优秀"] {
            assert_eq!(Grade::parse(bad), None, "{bad}");
        }
        for g in Grade::ALL {
            assert_eq!(Grade::parse(g.label()), Some(g), "labels read back");
        }
        let json = serde_json::to_string(&Grade::Unrated).expect("json");
        assert_eq!(json, "\"unrated\"", "journal payloads keep their spelling");
    }
}
