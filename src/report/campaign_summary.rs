//! The summary of a campaign run (专项行动总结): what the warning summary says of an episode —
//! overview, timeline, each unit's measures, problems and their rectification, the journal
//! anchor — for a standing campaign, which has no level and no air to compare.

use chrono::DateTime;
use chrono::FixedOffset;

use crate::domain::plan::{DocumentKind, Plan};
use crate::domain::response::{Episode, Phase, ResponseState};
use crate::i18n::ZH;

use super::after_action::{AfterActionError, record_check, timeline_rows, units_and_problems};
use super::document::{Block, Column, Document, Table};
use super::official::FrameValues;

/// The summary of campaign run `run` at `now` as a 公文 (the plan's `summary` frame).
pub fn campaign_summary_document(
    state: &ResponseState,
    run: u32,
    plan: &Plan,
    now: DateTime<FixedOffset>,
) -> Result<Document, AfterActionError> {
    let e = state
        .campaign_run(run)
        .ok_or(AfterActionError::NoSuchCampaignRun(run))?;
    let name = e.campaign.as_ref().map_or("", |c| c.name.as_str());
    let end = match e.phase() {
        Phase::Lifted { at } => at,
        _ => now,
    };
    let title = format!("{}{}总结（第{}次专项行动）", e.plan.area, name, run);
    let mut body: Vec<Block> = Vec::new();
    if e.lifting.is_none() {
        body.push(Block::Paragraph(format!(
            "（专项行动尚未结束，本总结统计至{}。）",
            ZH.moment(&now)
        )));
    }
    body.push(Block::Heading(1, "一、行动概况".to_owned()));
    body.push(Block::Table(overview(e, name, end)));
    body.push(Block::Heading(1, "二、行动时间线".to_owned()));
    let shown = |kind: &str| {
        kind.starts_with("campaign.")
            || kind == "checklist.problem_reported"
            || kind == "checklist.rectified"
    };
    body.push(Block::Table(timeline_rows(
        state
            .timeline()
            .iter()
            .filter(|t| t.campaign == Some(run) && shown(&t.kind)),
    )));
    units_and_problems(&mut body, e, "行动中未发现问题。");
    body.push(Block::Heading(1, "五、记录核验".to_owned()));
    record_check(&mut body, state, now);
    let frame = FrameValues::of(plan, DocumentKind::Summary);
    let signer = frame.signer_or("");
    let part = frame.red_part("", signer, title, frame.to.clone(), body, ZH.day_of(&now));
    Ok(Document::single(part))
}

fn overview(e: &Episode, name: &str, end: DateTime<FixedOffset>) -> Table {
    let started = e.steps.first();
    let rows = [
        ("专项行动", name.to_owned()),
        ("依据预案", format!("{}（{}）", e.plan.name, e.plan.version)),
        (
            "启动",
            format!(
                "{}，{}{}",
                ZH.moment(&e.start),
                started.map_or("", |s| s.approver.as_str()),
                started
                    .filter(|s| !s.doc_no.is_empty())
                    .map_or_else(String::new, |s| format!("，{}", s.doc_no))
            ),
        ),
        (
            "结束",
            match &e.lifting {
                Some((l, _)) => format!("{}（{}）", ZH.moment(&l.at), l.basis),
                None => "尚未结束".to_owned(),
            },
        ),
        ("持续时长", ZH.duration(end.signed_duration_since(e.start))),
    ];
    Table {
        columns: vec![Column::text("项目", 2), Column::text("情况", 8)],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![k.to_owned(), v])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{fresh, plan, run, t};
    use crate::domain::response::{CampaignInput, CampaignStopInput, Command, ItemKey};

    #[test]
    fn a_campaign_run_has_its_own_summary() {
        let (mut s, mut j) = fresh();
        run(
            &mut s,
            &mut j,
            Command::StartCampaign(CampaignInput {
                campaign: "fireworks".into(),
                start: t("2025-01-20T12:00:00+08:00"),
                expected_end: None,
                approver: None,
                doc_no: "某县应急办〔2025〕9号".into(),
                reasons: Vec::new(),
            }),
            "2025-01-20T09:00:00+08:00",
        );
        let item = ItemKey::new("C-FW-1", "gaj");
        run(
            &mut s,
            &mut j,
            Command::report_problem(item, "城区发现燃放3起未及时处置").in_campaign(1),
            "2025-01-29T09:00:00+08:00",
        );
        run(
            &mut s,
            &mut j,
            Command::StopCampaign(CampaignStopInput {
                campaign: "fireworks".into(),
                at: t("2025-02-13T00:00:00+08:00"),
                basis: "元宵节后结束".into(),
                approver: None,
                doc_no: String::new(),
            }),
            "2025-02-13T09:00:00+08:00",
        );
        let now = t("2025-02-14T09:00:00+08:00");
        let doc = campaign_summary_document(s.model(), 1, &plan(), now).expect("summary");
        let html = crate::report::document::html::write(&doc);
        assert!(html.contains("春节期间烟花爆竹禁燃禁售专项行动总结（第1次专项行动）"));
        assert!(html.contains("某县应急办〔2025〕9号"));
        assert!(html.contains("城区发现燃放3起未及时处置"));
        assert!(html.contains("元宵节后结束"));
        assert!(html.contains("禁燃禁售第七专项督查组"));
        assert!(matches!(
            campaign_summary_document(s.model(), 2, &plan(), now),
            Err(AfterActionError::NoSuchCampaignRun(2))
        ));
    }
}
