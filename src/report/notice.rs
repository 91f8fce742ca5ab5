//! Notices from the plan's templates and the journal: the warning notice (预警通知), the
//! notification to each responsible unit, the adjust (upgrade/downgrade), pause, resume and
//! lifting notices, and the start and end notices of a standing campaign's run — each one 公文 ([`Part`]) whose body is the filled template and whose frame
//! (版头, 主送, 署名, 版记) comes from the plan's `[documents]` table, so the plain text, the .docx
//! and the PDF say the same.
//!
//! Each notice supplies exactly the placeholders [`TemplateKind::allowed`] lists, so any template
//! the plan loader accepted fills completely.

use crate::domain::plan::{
    DocumentKind, Level, MeasureCategory, Plan, TemplateError, TemplateKind, UnitKind, fill,
};
use crate::domain::response::{Episode, Item, LevelStep};
use crate::i18n::{Render, T, Tr, ZH};

use super::document::{Document, Part, ordinal_zh, text};
use super::official::{FrameValues, body_blocks};

/// One filled notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Which template it comes from.
    pub kind: TemplateKind,
    /// Short label for lists and file names (`关于启动重污染天气橙色预警的通知`, or the unit's
    /// `县教育体育局重污染天气橙色预警措施通知`).
    pub title: String,
    /// For unit notifications: the unit id.
    pub unit: Option<String>,
    /// The notice as a 公文.
    pub part: Part,
}

impl Notice {
    /// The notice as plain text, for pasting into a message.
    pub fn text(&self) -> String {
        text::part_lines(&self.part) + "\n"
    }

    /// The notice as a document of its own.
    pub fn document(&self) -> Document {
        Document {
            title: self.title.clone(),
            parts: vec![self.part.clone()],
        }
    }
}

/// Several notices as one document, a part (and page numbering) each: the per-unit notices of
/// one decision.
pub fn notices_document(title: &str, notices: &[Notice]) -> Document {
    Document {
        title: title.to_owned(),
        parts: notices.iter().map(|n| n.part.clone()).collect(),
    }
}

/// Why a notice cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    /// The template does not fill (only with a template the plan loader did not check).
    #[error("the {} template cannot be filled: {error}", .kind.key())]
    Template {
        /// Which template.
        kind: TemplateKind,
        /// Why.
        error: TemplateError,
    },
    /// The episode has no level change number `step`.
    #[error("episode {episode} has no level change #{step}")]
    NoSuchStep {
        /// Episode number.
        episode: u32,
        /// Step asked for (1 = first change after the issue).
        step: usize,
    },
    /// The episode has no pause number `pause` (1 = the first), or it has not been resumed.
    #[error("episode {episode} has no pause #{pause}{}", if *.resumed { " that was resumed" } else { "" })]
    NoSuchPause {
        /// Episode number.
        episode: u32,
        /// Pause asked for (1 = the first).
        pause: usize,
        /// Whether a resumption was asked for.
        resumed: bool,
    },
    /// The episode has not been lifted.
    #[error("episode {0} has not been lifted")]
    NotLifted(u32),
    /// The campaign run has not been stopped.
    #[error("campaign run {0} has not been stopped")]
    NotStopped(u32),
}

/// In the interface's language (the Response page's notices); the CLI prints the English above.
impl Render for NoticeError {
    fn render(&self, tr: Tr) -> String {
        match self {
            NoticeError::Template { kind, error } => {
                tr.f(T::NoticeTemplate, &[&kind.key(), &error.render(tr)])
            }
            NoticeError::NoSuchStep { episode, step } => {
                tr.f(T::NoticeNoSuchStep, &[episode, step])
            }
            NoticeError::NoSuchPause {
                episode,
                pause,
                resumed: false,
            } => tr.f(T::NoticeNoSuchPause, &[episode, pause]),
            NoticeError::NoSuchPause {
                episode,
                pause,
                resumed: true,
            } => tr.f(T::NoticeNoSuchResumedPause, &[episode, pause]),
            NoticeError::NotLifted(episode) => tr.f(T::NoticeNotLifted, &[episode]),
            NoticeError::NotStopped(run) => tr.f(T::NoticeNotStopped, &[run]),
        }
    }
}

/// What a notice is made of besides its template values.
struct Frame<'a> {
    kind: TemplateKind,
    doc: DocumentKind,
    label: String,
    title: String,
    to: Option<String>,
    doc_no: &'a str,
    approver: &'a str,
    issued: String,
    unit: Option<String>,
}

/// The warning notice of an episode, listing the measures issued with it.
pub fn warning_notice(plan: &Plan, episode: &Episode) -> Result<Notice, NoticeError> {
    let step = first_step(episode)?;
    let items: Vec<&Item> = issued_items(episode, step);
    let mut values = common(plan, step.to, step);
    values.extend([
        ("start", ZH.moment(&episode.start)),
        ("end", end_text(step.expected_end.as_ref())),
        ("reasons", reasons(step)),
        ("measures", measures_block(&items)),
        ("primary", episode.primary.clone()),
    ]);
    let title = format!("关于启动重污染天气{}的通知", ZH.plan_level(plan, step.to));
    filled(
        plan,
        Frame {
            kind: TemplateKind::Warning,
            doc: DocumentKind::Warning,
            label: title.clone(),
            title,
            to: None,
            doc_no: &step.doc_no,
            approver: &step.approver,
            issued: ZH.day_of(&step.stamp.at),
            unit: None,
        },
        &values,
    )
}

/// The notification to each unit with measures at the issue (or, for `step` ≥ 1, with measures
/// added by that level change), units in plan order.
pub fn unit_notices(
    plan: &Plan,
    episode: &Episode,
    step: usize,
) -> Result<Vec<Notice>, NoticeError> {
    let level_step = episode.steps.get(step).ok_or(NoticeError::NoSuchStep {
        episode: episode.number,
        step,
    })?;
    // One group per unit in checklist order, then sorted into the plan's unit order (units the
    // plan no longer knows go last).
    let mut groups: Vec<(String, Vec<&Item>)> = Vec::new();
    for item in issued_items(episode, level_step) {
        match groups.iter_mut().find(|(u, _)| u == &item.key().unit) {
            Some((_, v)) => v.push(item),
            None => groups.push((item.key().unit.clone(), vec![item])),
        }
    }
    let units = plan.units.units();
    groups.sort_by_key(|(unit, _)| {
        units
            .iter()
            .position(|u| &u.id == unit)
            .unwrap_or(usize::MAX)
    });
    let contact = office_contact(plan);
    let mut out = Vec::new();
    for (unit, items) in groups {
        let unit_name = items
            .first()
            .map_or_else(|| unit.clone(), |i| i.spec.unit_name.clone());
        let mut values = common(plan, level_step.to, level_step);
        values.extend([
            ("unit", unit_name.clone()),
            ("contact", contact.clone()),
            ("start", ZH.moment(&level_step.effective)),
            ("end", end_text(episode.expected_end.as_ref())),
            ("measures", unit_measures(&items)),
            ("deadline", deadline_text(&items)),
            ("feedback", feedback_text(&items)),
        ]);
        let level = ZH.plan_level(plan, level_step.to);
        out.push(filled(
            plan,
            Frame {
                kind: TemplateKind::Unit,
                doc: DocumentKind::Unit,
                label: format!("{unit_name}重污染天气{level}措施通知"),
                title: format!("关于落实重污染天气{level}应急措施的通知"),
                to: Some(unit_name),
                doc_no: &level_step.doc_no,
                approver: &level_step.approver,
                issued: ZH.day_of(&level_step.stamp.at),
                unit: Some(unit),
            },
            &values,
        )?);
    }
    Ok(out)
}

/// The notice of level change `step` (1 = the first upgrade or downgrade after the issue),
/// listing every measure of the new level as the plan words it.
pub fn adjust_notice(plan: &Plan, episode: &Episode, step: usize) -> Result<Notice, NoticeError> {
    let s = episode
        .steps
        .get(step)
        .filter(|_| step >= 1)
        .ok_or(NoticeError::NoSuchStep {
            episode: episode.number,
            step,
        })?;
    let from = s.from.unwrap_or(Level::None);
    let mut values = common(plan, s.to, s);
    values.extend([
        ("from_level_name", ZH.plan_level(plan, from).to_owned()),
        ("start", ZH.moment(&s.effective)),
        (
            "end",
            end_text(s.expected_end.or(episode.expected_end).as_ref()),
        ),
        ("reasons", reasons(s)),
        ("measures", plan_measures_block(plan, s.to)),
    ]);
    let title = format!(
        "关于将重污染天气{}调整为{}的通知",
        ZH.plan_level(plan, from),
        ZH.plan_level(plan, s.to)
    );
    filled(
        plan,
        Frame {
            kind: TemplateKind::Adjust,
            doc: DocumentKind::Adjust,
            label: title.clone(),
            title,
            to: None,
            doc_no: &s.doc_no,
            approver: &s.approver,
            issued: ZH.day_of(&s.stamp.at),
            unit: None,
        },
        &values,
    )
}

/// The notice of pause number `pause` (1 = the first) of an episode.
pub fn pause_notice(plan: &Plan, episode: &Episode, pause: usize) -> Result<Notice, NoticeError> {
    let span = pause
        .checked_sub(1)
        .and_then(|i| episode.pauses.get(i))
        .ok_or(NoticeError::NoSuchPause {
            episode: episode.number,
            pause,
            resumed: false,
        })?;
    let p = &span.pause;
    let level = episode.level();
    let mut values = common_for(
        plan,
        level,
        &p.doc_no,
        &ZH.day_of(&span.stamp.at),
        &p.approver,
    );
    values.extend([
        ("start", ZH.moment(&episode.start)),
        ("pause_time", ZH.moment(&p.at)),
        ("reasons", p.basis.clone()),
    ]);
    let title = format!("关于暂停重污染天气{}的通知", ZH.plan_level(plan, level));
    filled(
        plan,
        Frame {
            kind: TemplateKind::Pause,
            doc: DocumentKind::Pause,
            label: title.clone(),
            title,
            to: None,
            doc_no: &p.doc_no,
            approver: &p.approver,
            issued: ZH.day_of(&span.stamp.at),
            unit: None,
        },
        &values,
    )
}

/// The notice resuming after pause number `pause` (1 = the first) of an episode.
pub fn resume_notice(plan: &Plan, episode: &Episode, pause: usize) -> Result<Notice, NoticeError> {
    let (r, stamp) = pause
        .checked_sub(1)
        .and_then(|i| episode.pauses.get(i))
        .and_then(|s| s.resumed.as_ref())
        .ok_or(NoticeError::NoSuchPause {
            episode: episode.number,
            pause,
            resumed: true,
        })?;
    let level = episode.level();
    let mut values = common_for(plan, level, &r.doc_no, &ZH.day_of(&stamp.at), &r.approver);
    values.extend([
        ("start", ZH.moment(&episode.start)),
        ("resume_time", ZH.moment(&r.at)),
        (
            "end",
            end_text(r.expected_end.or(episode.expected_end).as_ref()),
        ),
        ("reasons", r.basis.clone()),
    ]);
    let title = format!("关于恢复重污染天气{}的通知", ZH.plan_level(plan, level));
    filled(
        plan,
        Frame {
            kind: TemplateKind::Resume,
            doc: DocumentKind::Resume,
            label: title.clone(),
            title,
            to: None,
            doc_no: &r.doc_no,
            approver: &r.approver,
            issued: ZH.day_of(&stamp.at),
            unit: None,
        },
        &values,
    )
}

/// The lifting notice of a lifted episode.
pub fn lift_notice(plan: &Plan, episode: &Episode) -> Result<Notice, NoticeError> {
    let (lift, stamp) = episode
        .lifting
        .as_ref()
        .ok_or(NoticeError::NotLifted(episode.number))?;
    let level = episode.level();
    let mut values = common_for(
        plan,
        level,
        &lift.doc_no,
        &ZH.day_of(&stamp.at),
        &lift.approver,
    );
    values.extend([
        ("start", ZH.moment(&episode.start)),
        ("lift_time", ZH.moment(&lift.at)),
        ("reasons", lift.basis.clone()),
    ]);
    let title = format!("关于解除重污染天气{}的通知", ZH.plan_level(plan, level));
    filled(
        plan,
        Frame {
            kind: TemplateKind::Lift,
            doc: DocumentKind::Lift,
            label: title.clone(),
            title,
            to: None,
            doc_no: &lift.doc_no,
            approver: &lift.approver,
            issued: ZH.day_of(&stamp.at),
            unit: None,
        },
        &values,
    )
}

/// The notice starting campaign run `run` (专项行动启动通知), listing the measures its checklist
/// set with their units.
pub fn campaign_start_notice(plan: &Plan, run: &Episode) -> Result<Notice, NoticeError> {
    let step = first_step(run)?;
    let name = campaign_name(run);
    let issued = ZH.day_of(&step.stamp.at);
    let mut values = frame_values(plan, &step.doc_no, &issued, &step.approver);
    values.extend([
        ("campaign", name.to_owned()),
        ("start", ZH.moment(&run.start)),
        ("end", end_text(run.expected_end.as_ref())),
        ("reasons", reasons(step)),
        ("measures", measures_block(&issued_items(run, step))),
    ]);
    let title = format!("关于开展{name}的通知");
    filled(
        plan,
        Frame {
            kind: TemplateKind::CampaignStart,
            doc: DocumentKind::CampaignStart,
            label: title.clone(),
            title,
            to: None,
            doc_no: &step.doc_no,
            approver: &step.approver,
            issued,
            unit: None,
        },
        &values,
    )
}

/// The notice ending a stopped campaign run (专项行动结束通知).
pub fn campaign_stop_notice(plan: &Plan, run: &Episode) -> Result<Notice, NoticeError> {
    let (stop, stamp) = run
        .lifting
        .as_ref()
        .ok_or(NoticeError::NotStopped(run.number))?;
    let name = campaign_name(run);
    let issued = ZH.day_of(&stamp.at);
    let mut values = frame_values(plan, &stop.doc_no, &issued, &stop.approver);
    values.extend([
        ("campaign", name.to_owned()),
        ("start", ZH.moment(&run.start)),
        ("stop_time", ZH.moment(&stop.at)),
        ("reasons", stop.basis.clone()),
    ]);
    let title = format!("关于结束{name}的通知");
    filled(
        plan,
        Frame {
            kind: TemplateKind::CampaignStop,
            doc: DocumentKind::CampaignStop,
            label: title.clone(),
            title,
            to: None,
            doc_no: &stop.doc_no,
            approver: &stop.approver,
            issued,
            unit: None,
        },
        &values,
    )
}

/// A campaign run's Chinese name as its notices write it (a 公文 is in Chinese).
fn campaign_name(run: &Episode) -> &str {
    run.campaign
        .as_ref()
        .map_or("专项行动", |c| c.name.as_str())
}

fn first_step(episode: &Episode) -> Result<&LevelStep, NoticeError> {
    episode.steps.first().ok_or(NoticeError::NoSuchStep {
        episode: episode.number,
        step: 0,
    })
}

/// The items a step put on the checklist, in checklist order.
fn issued_items<'a>(episode: &'a Episode, step: &LevelStep) -> Vec<&'a Item> {
    episode
        .items
        .iter()
        .filter(|i| step.added.contains(i.key()))
        .collect()
}

/// A step's reasons, one a line, after "根据…" naming the city or regional warning it followed.
fn reasons(step: &LevelStep) -> String {
    let follows = step.regional.as_ref().map(|r| {
        ZH.f(
            T::NoticeFollowsRegional,
            &[&r.source, &ZH.level(r.level), &r.notice_no],
        )
    });
    follows
        .into_iter()
        .chain(step.reasons.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn common(plan: &Plan, level: Level, step: &LevelStep) -> Vec<(&'static str, String)> {
    common_for(
        plan,
        level,
        &step.doc_no,
        &ZH.day_of(&step.stamp.at),
        &step.approver,
    )
}

fn common_for(
    plan: &Plan,
    level: Level,
    doc_no: &str,
    issued: &str,
    approver: &str,
) -> Vec<(&'static str, String)> {
    let response = plan
        .level(level)
        .map(|l| l.response.as_str())
        .filter(|r| !r.is_empty())
        .unwrap_or(ZH.level_response(level));
    let mut values = frame_values(plan, doc_no, issued, approver);
    values.extend([
        ("level_name", ZH.plan_level(plan, level).to_owned()),
        ("response", response.to_owned()),
        ("colour", ZH.level_colour(level).to_owned()),
    ]);
    values
}

/// The values every notice supplies, warning or campaign.
fn frame_values(
    plan: &Plan,
    doc_no: &str,
    issued: &str,
    approver: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("area", plan.info.area.clone()),
        ("plan_name", plan.info.name.clone()),
        ("command_office", command_office(plan)),
        ("doc_no", doc_no.to_owned()),
        ("issued", issued.to_owned()),
        ("approver", approver.to_owned()),
    ]
}

/// The command office's name: the plan's `command` unit, or the usual wording for the area.
pub fn command_office(plan: &Plan) -> String {
    plan.units
        .units()
        .iter()
        .find(|u| u.kind == UnitKind::Command)
        .map_or_else(
            || format!("{}重污染天气应急指挥部办公室", plan.info.area),
            |u| u.name.clone(),
        )
}

/// Who units contact at the command office: its contact and telephone.
fn office_contact(plan: &Plan) -> String {
    let Some(office) = plan
        .units
        .units()
        .iter()
        .find(|u| u.kind == UnitKind::Command)
    else {
        return command_office(plan);
    };
    let who = if office.contact.is_empty() {
        office.name.clone()
    } else {
        format!("{}{}", office.name, office.contact)
    };
    if office.phone.is_empty() {
        who
    } else {
        format!("{who}，电话{}", office.phone)
    }
}

fn end_text(end: Option<&chrono::DateTime<chrono::FixedOffset>>) -> String {
    end.map_or_else(|| "另行通知".to_owned(), |t| ZH.moment(t))
}

/// Measures grouped by category in order of appearance, each with its responsible units:
/// `（一）工业源减排\n1. …（责任单位：县工业和信息化局、…）`.
fn grouped(lines: Vec<(MeasureCategory, String, Vec<String>)>) -> String {
    let mut categories: Vec<MeasureCategory> = Vec::new();
    for (c, _, _) in &lines {
        if !categories.contains(c) {
            categories.push(*c);
        }
    }
    let mut out = Vec::new();
    let mut n = 0;
    for (i, c) in categories.iter().enumerate() {
        out.push(format!(
            "（{}）{}",
            ordinal_zh(i + 1),
            ZH.measure_category(*c)
        ));
        for (_, text, units) in lines.iter().filter(|(lc, _, _)| lc == c) {
            n += 1;
            out.push(format!("{n}. {text}（责任单位：{}）", units.join("、")));
        }
    }
    out.join("\n")
}

fn measures_block(items: &[&Item]) -> String {
    let mut lines: Vec<(MeasureCategory, String, Vec<String>)> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for item in items {
        match ids.iter().position(|m| *m == item.key().measure) {
            Some(p) => lines[p].2.push(item.spec.unit_name.clone()),
            None => {
                ids.push(&item.key().measure);
                lines.push((
                    item.spec.category,
                    item.spec.text.clone(),
                    vec![item.spec.unit_name.clone()],
                ));
            }
        }
    }
    grouped(lines)
}

fn plan_measures_block(plan: &Plan, level: Level) -> String {
    let lines = plan
        .level(level)
        .map(|l| {
            l.measures
                .iter()
                .map(|m| {
                    let units = m
                        .units
                        .iter()
                        .map(|u| {
                            plan.units
                                .get(u)
                                .map_or_else(|| u.clone(), |x| x.name.clone())
                        })
                        .collect();
                    (m.category, m.text.clone(), units)
                })
                .collect()
        })
        .unwrap_or_default();
    grouped(lines)
}

fn unit_measures(items: &[&Item]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let role = if item.spec.lead { "牵头" } else { "配合" };
            format!(
                "{}. 【{}】{}（{}；{}前落实）",
                i + 1,
                ZH.measure_category(item.spec.category),
                item.spec.text,
                role,
                ZH.moment(&item.deadline)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn deadline_text(items: &[&Item]) -> String {
    let earliest = items.iter().map(|i| i.deadline).min();
    let latest = items.iter().map(|i| i.deadline).max();
    match (earliest, latest) {
        (Some(a), Some(b)) if a == b => format!("{}前", ZH.moment(&a)),
        (Some(a), Some(b)) => format!(
            "按各项措施所列时限落实，最早{}前，最迟{}前",
            ZH.moment(&a),
            ZH.moment(&b)
        ),
        _ => String::new(),
    }
}

fn feedback_text(items: &[&Item]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        let every = item
            .spec
            .reporting
            .map_or_else(String::new, |c| format!("，{}", c.zh()));
        let line = format!("{}{}", item.spec.feedback, every);
        if !seen.contains(&line) {
            seen.push(line);
        }
    }
    seen.join("；")
}

fn filled(
    plan: &Plan,
    frame: Frame<'_>,
    values: &[(&'static str, String)],
) -> Result<Notice, NoticeError> {
    let kind = frame.kind;
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let body = fill(plan.templates.get(kind), &pairs)
        .map_err(|error| NoticeError::Template { kind, error })?;
    let values = FrameValues::of(plan, frame.doc);
    let to = frame.to.unwrap_or_else(|| values.to.clone());
    let signer = values.signer_or(frame.approver);
    Ok(Notice {
        kind,
        title: frame.label,
        unit: frame.unit,
        part: values.red_part(
            frame.doc_no,
            signer,
            frame.title,
            to,
            body_blocks(&body),
            frame.issued,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{drill, fresh, plan, run, t};
    use crate::domain::response::{
        Command, IssueInput, LevelChangeInput, LiftInput, PauseInput, RegionalWarning, ResumeInput,
    };

    /// The names each notice supplies, as the notice writer fills them.
    fn supplied(kind: TemplateKind) -> Vec<&'static str> {
        let p = plan();
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let e = s.model().current().expect("episode").clone();
        let step = &e.steps[0];
        let mut v: Vec<&str> = match kind {
            TemplateKind::CampaignStart | TemplateKind::CampaignStop => {
                frame_values(&p, "", "", "")
            }
            _ => common(&p, step.to, step),
        }
        .iter()
        .map(|(k, _)| *k)
        .collect();
        v.extend(match kind {
            TemplateKind::Warning => vec!["start", "end", "reasons", "measures", "primary"],
            TemplateKind::Unit => vec![
                "unit", "contact", "start", "end", "measures", "deadline", "feedback",
            ],
            TemplateKind::Adjust => vec!["from_level_name", "start", "end", "reasons", "measures"],
            TemplateKind::Pause => vec!["start", "pause_time", "reasons"],
            TemplateKind::Resume => vec!["start", "resume_time", "end", "reasons"],
            TemplateKind::Lift => vec!["start", "lift_time", "reasons"],
            TemplateKind::CampaignStart => vec!["campaign", "start", "end", "reasons", "measures"],
            TemplateKind::CampaignStop => vec!["campaign", "start", "stop_time", "reasons"],
        });
        v
    }

    #[test]
    fn every_allowed_placeholder_is_supplied() {
        for kind in TemplateKind::ALL {
            let mut a = kind.allowed();
            let mut b = supplied(kind);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{kind:?}");
        }
    }

    #[test]
    fn notices_fill_from_the_default_plan_without_leftovers() {
        let p = plan();
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let e = s.model().current().expect("episode").clone();

        let w = warning_notice(&p, &e).expect("warning notice");
        assert!(
            !w.text().contains('{') && !w.text().contains('}'),
            "{}",
            w.text()
        );
        assert!(w.text().contains("关于启动重污染天气橙色预警的通知"));
        assert!(w.text().contains("某县应急办〔2025〕3号"));
        assert!(
            w.text()
                .contains("决定于2025年1月15日0时启动重污染天气橙色预警")
        );
        assert!(w.text().contains("同时启动Ⅱ级应急响应"));
        assert!(w.text().contains("预计持续至2025年1月18日0时"));
        assert!(w.text().contains("首要污染物：PM2.5"));
        assert!(w.text().contains("（一）工业源减排"));
        assert!(
            w.text()
                .contains("责任单位：县住房和城乡建设局、县交通运输局")
        );
        assert!(w.text().contains("签发人：县应急指挥部总指挥（县长）"));
        assert!(w.text().contains("2025年1月14日"));
        assert_eq!(
            w.document()
                .file_name(crate::report::document::Format::Docx),
            "关于启动重污染天气橙色预警的通知.docx"
        );

        let units = unit_notices(&p, &e, 0).expect("unit notices");
        let with_items: std::collections::BTreeSet<&str> =
            e.items.iter().map(|i| i.key().unit.as_str()).collect();
        assert_eq!(units.len(), with_items.len());
        // Plan order: 生态环境分局 (ee) comes before 工信局 (gxj).
        assert_eq!(units[0].unit.as_deref(), Some("ee"));
        for n in &units {
            assert!(
                !n.text().contains('{') && !n.text().contains('}'),
                "{}",
                n.text()
            );
        }
        let jyj = units
            .iter()
            .find(|n| n.unit.as_deref() == Some("jyj"))
            .expect("education bureau");
        assert!(jyj.text().contains("\n县教育体育局：\n"), "{}", jyj.text());
        assert!(
            jyj.text()
                .contains("1. 【学校和幼儿园】中小学、幼儿园停止体育课")
        );
        assert!(jyj.text().contains("完成时限：2025年1月15日0时前"));
        assert!(
            jyj.text()
                .contains("联系人：某某县重污染天气应急指挥部办公室值班室")
        );
        let hedong = units
            .iter()
            .find(|n| n.unit.as_deref() == Some("town-hedong"))
            .expect("town");
        assert!(
            hedong
                .text()
                .contains("最早2025年1月15日0时前，最迟2025年1月15日6时前")
        );
        assert!(hedong.text().contains("每日16:00前报送"));
    }

    #[test]
    fn temporary_control_has_its_own_notice() {
        let p = plan();
        let (mut s, mut j) = fresh();
        run(
            &mut s,
            &mut j,
            Command::Issue(IssueInput {
                level: Level::Temporary,
                start: t("2025-01-14T20:00:00+08:00"),
                expected_end: None,
                approver: None,
                doc_no: String::new(),
                reasons: vec!["预计14日夜间AQI超过150".into()],
                primary: String::new(),
                consultation: None,
                regional: None,
            }),
            "2025-01-14T18:00:00+08:00",
        );
        let e = s.model().current().expect("episode").clone();
        let n = warning_notice(&p, &e).expect("notice");
        let text = n.text();
        assert!(text.contains("关于启动重污染天气临时管控的通知"), "{text}");
        assert!(text.contains("同时启动临时管控措施"), "{text}");
        assert!(text.contains("加强对重点企业、施工工地"), "{text}");
        assert!(!text.contains("根据邯郸"), "{text}");
    }

    #[test]
    fn adjust_and_lift_notices() {
        let p = plan();
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        run(
            &mut s,
            &mut j,
            Command::Upgrade(LevelChangeInput {
                to: Level::Red,
                effective: t("2025-01-16T12:00:00+08:00"),
                expected_end: Some(t("2025-01-19T00:00:00+08:00")),
                approver: None,
                doc_no: "某县应急办〔2025〕4号".into(),
                reasons: vec!["预计16日至18日AQI将超过300".into()],
                consultation: None,
                regional: Some(RegionalWarning {
                    source: "邯郸市重污染天气应急指挥部".into(),
                    level: Level::Red,
                    notice_no: "邯气应急〔2025〕5号".into(),
                }),
            }),
            "2025-01-16T09:00:00+08:00",
        );
        let e = s.model().current().expect("episode").clone();
        let a = adjust_notice(&p, &e, 1).expect("adjust");
        assert!(!a.text().contains('{'), "{}", a.text());
        assert!(
            a.text().contains(
                "根据邯郸市重污染天气应急指挥部发布的重污染天气红色预警（邯气应急〔2025〕5号），"
            ),
            "{}",
            a.text()
        );
        assert!(
            a.text()
                .contains("关于将重污染天气橙色预警调整为红色预警的通知")
        );
        assert!(
            a.text()
                .contains("决定于2025年1月16日12时将重污染天气橙色预警调整为红色预警")
        );
        assert!(
            a.text()
                .contains("应急响应相应调整为Ⅰ级应急响应，预计持续至2025年1月19日0时")
        );
        assert!(a.text().contains("停止矿山、砂石料场作业"));
        assert!(matches!(
            adjust_notice(&p, &e, 0),
            Err(NoticeError::NoSuchStep { step: 0, .. })
        ));
        // Unit notices for the upgrade: only units with something new.
        let added = unit_notices(&p, &e, 1).expect("unit notices");
        assert!(added.iter().any(|n| n.text().contains("停止矿山")));
        let not_lifted = lift_notice(&p, &e).expect_err("not lifted");
        assert_eq!(not_lifted, NoticeError::NotLifted(1));
        let said = not_lifted.render(Tr(crate::i18n::Language::Zh));
        assert_eq!(said, "第 1 次预警尚未解除");
        run(
            &mut s,
            &mut j,
            Command::Pause(PauseInput {
                at: t("2025-01-17T00:00:00+08:00"),
                basis: "受沙尘天气影响，PM10为首要污染物".into(),
                approver: "县应急指挥部副总指挥".into(),
                doc_no: "某县应急办〔2025〕6号".into(),
            }),
            "2025-01-16T20:00:00+08:00",
        );
        run(
            &mut s,
            &mut j,
            Command::Resume(ResumeInput {
                at: t("2025-01-17T12:00:00+08:00"),
                basis: "沙尘过程结束，PM2.5重新成为首要污染物".into(),
                approver: "县应急指挥部副总指挥".into(),
                doc_no: "某县应急办〔2025〕7号".into(),
                expected_end: None,
            }),
            "2025-01-17T10:00:00+08:00",
        );
        let e = s.model().current().expect("episode").clone();
        let pause = pause_notice(&p, &e, 1).expect("pause notice").text();
        assert!(
            pause.contains("关于暂停重污染天气红色预警的通知"),
            "{pause}"
        );
        assert!(
            pause.contains("某县应急办〔2025〕6号\n签发人：县应急指挥部副总指挥"),
            "{pause}"
        );
        assert!(
            pause
                .contains("决定自2025年1月17日0时起暂停自2025年1月15日0时启动的重污染天气红色预警")
        );
        assert!(pause.contains("受沙尘天气影响"));
        let resume = resume_notice(&p, &e, 1).expect("resume notice").text();
        assert!(
            resume.contains("关于恢复重污染天气红色预警的通知"),
            "{resume}"
        );
        assert!(resume.contains("决定自2025年1月17日12时起恢复重污染天气红色预警（Ⅰ级应急响应），预计持续至2025年1月19日0时"), "{resume}");
        assert!(matches!(
            resume_notice(&p, &e, 2),
            Err(NoticeError::NoSuchPause {
                pause: 2,
                resumed: true,
                ..
            })
        ));
        assert!(pause_notice(&p, &e, 0).is_err());
        run(
            &mut s,
            &mut j,
            Command::Lift(LiftInput {
                at: t("2025-01-18T12:00:00+08:00"),
                basis: "受冷空气影响，预计未来36小时以上空气质量优良".into(),
                approver: None,
                doc_no: "某县应急办〔2025〕5号".into(),
                consultation: None,
            }),
            "2025-01-18T10:00:00+08:00",
        );
        let e = s.model().latest().expect("episode").clone();
        let l = lift_notice(&p, &e).expect("lift");
        assert!(!l.text().contains('{'), "{}", l.text());
        assert!(l.text().contains("关于解除重污染天气红色预警的通知"));
        assert!(l.text().contains(
            "决定于2025年1月18日12时解除自2025年1月15日0时启动的重污染天气红色预警，Ⅰ级应急响应同时终止"
        ));
        assert!(l.text().contains("某县应急办〔2025〕5号"));
        assert!(l.text().contains("2025年1月18日"));
    }

    #[test]
    fn a_campaign_run_has_a_start_and_an_end_notice() {
        use crate::domain::response::tests::{start_campaign, stop_campaign};
        let p = plan();
        let (mut s, mut j) = fresh();
        let start = start_campaign("fireworks", "2025-01-20T12:00:00+08:00");
        run(&mut s, &mut j, start, "2025-01-20T09:00:00+08:00");
        let r = s.model().campaign_run(1).expect("run").clone();
        let n = campaign_start_notice(&p, &r).expect("start notice");
        let text = n.text();
        assert!(!text.contains('{') && !text.contains('}'), "{text}");
        assert_eq!(n.title, "关于开展春节期间烟花爆竹禁燃禁售专项行动的通知");
        assert!(text.contains(&n.title), "{text}");
        assert!(text.contains("某县应急办〔2025〕9号"), "{text}");
        assert!(text.contains("春节临近"), "{text}");
        assert!(
            text.contains("决定自2025年1月20日12时起开展春节期间烟花爆竹禁燃禁售专项行动"),
            "{text}"
        );
        assert!(
            text.contains("全面清理取缔非法销售、储存烟花爆竹的摊点和仓库")
                && text.contains("禁燃禁售第七专项督查组"),
            "{text}"
        );
        assert!(
            text.contains("签发人：县应急指挥部副总指挥（分管副县长）"),
            "{text}"
        );
        assert!(!text.contains("预警"), "a campaign has no level: {text}");
        assert_eq!(
            campaign_stop_notice(&p, &r).map(|n| n.title),
            Err(NoticeError::NotStopped(1))
        );
        let stop = stop_campaign("fireworks", "2025-02-13T00:00:00+08:00");
        run(&mut s, &mut j, stop, "2025-02-12T17:00:00+08:00");
        let r = s.model().campaign_run(1).expect("run").clone();
        let n = campaign_stop_notice(&p, &r).expect("stop notice");
        let text = n.text();
        assert!(!text.contains('{'), "{text}");
        assert_eq!(n.title, "关于结束春节期间烟花爆竹禁燃禁售专项行动的通知");
        assert!(
            text.contains("元宵节后专项行动结束")
                && text.contains(
                    "决定于2025年2月13日0时结束自2025年1月20日12时起开展的春节期间烟花爆竹禁燃禁售专项行动"
                )
                && text.contains("2025年2月12日"),
            "{text}"
        );
    }
}
