//! Notice templates: plain text with named placeholders such as `{level_name}` or `{start}`,
//! filled by a tiny filler (no template engine). `{{` and `}}` write literal braces.
//!
//! A template words the notice's body (正文) only: the 版头, title, 主送, 签发人, 署名, date and
//! 版记 come from the plan's `[documents]` table (see [`super::DocumentFrames`]), so the same words
//! go into the plain text, the .docx and the PDF.

/// The notices a plan words itself; each knows which placeholders it may use, so that a typo in
/// an edited plan is caught when the plan is loaded, not when a notice is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TemplateKind {
    /// 预警通知: the notice issuing a warning.
    Warning,
    /// 单位通知: the notification to one responsible unit, with its own measures.
    Unit,
    /// 调整通知: upgrade or downgrade of an active warning.
    Adjust,
    /// 暂停通知: pausing the response (e.g. for a dust episode).
    Pause,
    /// 恢复通知: resuming a paused response.
    Resume,
    /// 解除通知: lifting a warning.
    Lift,
    /// 专项行动启动通知: starting a run of a standing campaign.
    CampaignStart,
    /// 专项行动结束通知: ending a run of a standing campaign.
    CampaignStop,
}

/// Placeholders every notice may use.
const COMMON: [&str; 6] = [
    "area",
    "plan_name",
    "command_office",
    "doc_no",
    "issued",
    "approver",
];

/// Placeholders every notice of a warning (or temporary control) may use besides [`COMMON`]: a
/// campaign has no level.
const LEVEL: [&str; 3] = ["level_name", "response", "colour"];

impl TemplateKind {
    /// All kinds, in the order a plan lists them.
    pub const ALL: [TemplateKind; 8] = [
        TemplateKind::Warning,
        TemplateKind::Unit,
        TemplateKind::Adjust,
        TemplateKind::Pause,
        TemplateKind::Resume,
        TemplateKind::Lift,
        TemplateKind::CampaignStart,
        TemplateKind::CampaignStop,
    ];

    /// The key of this template in the plan's `[templates]` table.
    pub fn key(self) -> &'static str {
        match self {
            TemplateKind::Warning => "warning",
            TemplateKind::Unit => "unit",
            TemplateKind::Adjust => "adjust",
            TemplateKind::Pause => "pause",
            TemplateKind::Resume => "resume",
            TemplateKind::Lift => "lift",
            TemplateKind::CampaignStart => "campaign_start",
            TemplateKind::CampaignStop => "campaign_stop",
        }
    }

    /// The placeholders only this kind of notice uses (besides the common ones).
    fn own(self) -> &'static [&'static str] {
        match self {
            TemplateKind::Warning => &["start", "end", "reasons", "measures", "primary"],
            TemplateKind::Unit => &[
                "unit", "contact", "start", "end", "measures", "deadline", "feedback",
            ],
            TemplateKind::Adjust => &["from_level_name", "start", "end", "reasons", "measures"],
            TemplateKind::Pause => &["start", "pause_time", "reasons"],
            TemplateKind::Resume => &["start", "resume_time", "end", "reasons"],
            TemplateKind::Lift => &["start", "lift_time", "reasons"],
            TemplateKind::CampaignStart => &["campaign", "start", "end", "reasons", "measures"],
            TemplateKind::CampaignStop => &["campaign", "start", "stop_time", "reasons"],
        }
    }

    /// Whether this kind of notice concerns a warning level (else a campaign).
    fn has_level(self) -> bool {
        !matches!(
            self,
            TemplateKind::CampaignStart | TemplateKind::CampaignStop
        )
    }

    /// Whether a notice of this kind may use placeholder `name`.
    pub fn allows(self, name: &str) -> bool {
        self.allowed().contains(&name)
    }

    /// Every placeholder this kind may use (what the notice writer must be able to supply).
    pub fn allowed(self) -> Vec<&'static str> {
        let level: &[&str] = if self.has_level() { &LEVEL } else { &[] };
        COMMON
            .iter()
            .chain(level)
            .chain(self.own())
            .copied()
            .collect()
    }
}

/// Why a template cannot be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `{name}` names no value the filler was given (or the notice kind does not provide).
    Unknown {
        /// The placeholder name.
        name: String,
        /// Byte offset of the `{` in the template.
        offset: usize,
    },
    /// A `{` without its `}` on the same line, or an empty or malformed name.
    Malformed {
        /// Byte offset of the `{` (or lone `}`) in the template.
        offset: usize,
    },
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Unknown { name, .. } => write!(f, "unknown placeholder {{{name}}}"),
            TemplateError::Malformed { .. } => write!(
                f,
                "a brace that opens no placeholder: write placeholders as {{name}} and literal braces as {{{{ or }}}}"
            ),
        }
    }
}

/// One piece of a parsed template.
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str, usize),
}

/// Split a template into text and placeholders.
fn parse(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut pieces = Vec::new();
    let bytes = template.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'}' if bytes.get(i + 1) == Some(&bytes[i]) => {
                pieces.push(Piece::Text(&template[text_start..=i]));
                i += 2;
                text_start = i;
            }
            b'{' => {
                pieces.push(Piece::Text(&template[text_start..i]));
                let rest = &template[i + 1..];
                let close = rest
                    .find(['}', '\n', '{'])
                    .filter(|&j| rest.as_bytes()[j] == b'}')
                    .ok_or(TemplateError::Malformed { offset: i })?;
                let name = rest[..close].trim();
                let valid = !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if !valid {
                    return Err(TemplateError::Malformed { offset: i });
                }
                pieces.push(Piece::Placeholder(name, i));
                i += close + 2;
                text_start = i;
            }
            b'}' => return Err(TemplateError::Malformed { offset: i }),
            _ => i += 1,
        }
    }
    pieces.push(Piece::Text(&template[text_start..]));
    Ok(pieces)
}

/// The placeholders a template uses, with the byte offset of each, in order of appearance.
pub fn placeholders(template: &str) -> Result<Vec<(&str, usize)>, TemplateError> {
    Ok(parse(template)?
        .into_iter()
        .filter_map(|p| match p {
            Piece::Placeholder(name, offset) => Some((name, offset)),
            Piece::Text(_) => None,
        })
        .collect())
}

/// Fill a template: every `{name}` is replaced by the value given for `name`. A placeholder with
/// no value is an error (never left in the text or silently blanked).
pub fn fill(template: &str, values: &[(&str, &str)]) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len() + 256);
    for piece in parse(template)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Placeholder(name, offset) => {
                let value = values
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| *v)
                    .ok_or_else(|| TemplateError::Unknown {
                        name: name.to_string(),
                        offset,
                    })?;
                out.push_str(value);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_named_placeholders_and_escaped_braces() {
        let t = "关于发布{level_name}的通知\n{area}自{start}起，{{示例}}";
        let s = fill(
            t,
            &[
                ("level_name", "橙色预警"),
                ("area", "某县"),
                ("start", "12月8日0时"),
            ],
        )
        .expect("fills");
        assert_eq!(s, "关于发布橙色预警的通知\n某县自12月8日0时起，{示例}");
    }

    #[test]
    fn unknown_and_malformed_placeholders_are_errors() {
        let err = fill("自{strat}起", &[("start", "x")]).expect_err("typo");
        assert_eq!(
            err,
            TemplateError::Unknown {
                name: "strat".into(),
                offset: 3
            }
        );
        assert!(err.to_string().contains("{strat}"));
        for bad in ["{", "a}b", "{ }", "{Level}", "{a\nb}", "{a{b}"] {
            assert!(
                matches!(
                    fill(bad, &[("a", "1")]),
                    Err(TemplateError::Malformed { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn lists_placeholders_and_kinds_know_theirs() {
        let names: Vec<&str> = placeholders("{a}x{b_2}{{c}}")
            .expect("parses")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["a", "b_2"]);
        assert!(TemplateKind::Unit.allows("unit"));
        assert!(!TemplateKind::Warning.allows("unit"));
        assert!(TemplateKind::Lift.allows("area"));
        assert!(TemplateKind::Lift.allowed().contains(&"lift_time"));
        assert!(TemplateKind::CampaignStart.allows("campaign"));
        assert!(TemplateKind::CampaignStop.allows("command_office"));
        assert!(!TemplateKind::CampaignStart.allows("level_name"));
    }
}
