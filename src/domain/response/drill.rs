//! The drill (演练) episode recorded through the service, so a workspace can open mid-response:
//! a shift started, a consultation held, an orange warning issued, every unit but one
//! acknowledged, the measures due so far implemented — except one town's grid patrols, which are
//! overdue — and one problem reported (a construction site still digging).
//!
//! It uses the measure ids of the shipped default plan. Times are relative to the warning's
//! start `s`; at `s + 12 h` exactly one item is overdue and one problem is open.

use chrono::{DateTime, Duration, FixedOffset};

use crate::journal::{Author, Storage};

use super::checklist::{EvidenceFile, ItemKey};
use super::command::{Command, ConsultationInput, IssueInput};
use super::event::Decision;
use super::service::{ResponseService, ServiceError};
use super::state::StatusFilter;

/// The town whose grid patrols are overdue in the drill.
pub const LATE_UNIT: &str = "town-hedong";

/// Record the drill into `storage` by `author`, the warning starting at `start`. Every event
/// goes through [`ResponseService::execute`], as the response page would record it.
pub fn record_drill<S: Storage + ?Sized>(
    service: &mut ResponseService,
    storage: &mut S,
    author: &Author,
    start: DateTime<FixedOffset>,
) -> Result<(), ServiceError> {
    let at = |minutes: i64| start + Duration::minutes(minutes);
    let mut run = |service: &mut ResponseService, command: Command, minutes: i64| {
        service
            .execute(storage, &command, author, at(minutes))
            .map(|_| ())
    };
    run(
        service,
        Command::StartShift {
            note: "接班，关注明日污染过程".into(),
        },
        -15 * 60 - 30,
    )?;
    run(
        service,
        Command::RecordConsultation(ConsultationInput {
            held_at: at(-9 * 60),
            participants: vec![
                "县生态环境分局 李强".into(),
                "县气象局 王敏".into(),
                format!("县应急指挥部办公室 {}", author.operator()),
            ],
            basis: "预计未来三天AQI 210–260，静稳、高湿、逆温，不利于污染物扩散".into(),
            advice: None,
            decision: Decision::Issue,
            decision_text: "达到橙色预警条件，建议按时启动橙色预警".into(),
        }),
        -8 * 60 - 20,
    )?;
    run(
        service,
        Command::Issue(IssueInput {
            level: crate::domain::plan::Level::Orange,
            start,
            expected_end: Some(at(72 * 60)),
            approver: None,
            doc_no: format!("某县应急办〔{}〕3号", start.format("%Y")),
            reasons: vec!["预计未来三天日AQI持续超过200，首要污染物为PM2.5".into()],
            primary: String::new(),
            consultation: Some(1),
        }),
        -8 * 60,
    )?;
    // Every unit but the late town acknowledges all its items in the evening.
    let keys: Vec<ItemKey> = service
        .state()
        .current()
        .map(|e| {
            e.filter(None, StatusFilter::Open, start)
                .iter()
                .map(|i| i.key().clone())
                .filter(|k| k.unit != LATE_UNIT)
                .collect()
        })
        .unwrap_or_default();
    for (n, k) in keys.into_iter().enumerate() {
        run(
            service,
            Command::acknowledge(k, ""),
            -8 * 60 + 10 + n as i64,
        )?;
    }
    let key = ItemKey::new;
    // The late town reports only its loose-coal and burning patrols.
    for m in ["O-COAL-1", "O-BURN-1"] {
        run(
            service,
            Command::implement(key(m, LATE_UNIT), "已组织巡查", None),
            90,
        )?;
    }
    run(
        service,
        Command::implement(key("O-SCH-1", "jyj"), "已通知全县47所中小学和幼儿园", None),
        7 * 60 + 30,
    )?;
    run(
        service,
        Command::implement(
            key("O-DUST-1", "zjj"),
            "全县32个工地已停止露天施工，巡查照片已上传",
            Some(EvidenceFile {
                name: "evidence/zjj-dust.jpg".into(),
                sha256: None,
            }),
        ),
        8 * 60,
    )?;
    run(
        service,
        Command::implement(key("O-IND-D", "gxj"), "D级企业5家已全部停产", None),
        9 * 60,
    )?;
    run(
        service,
        Command::report_problem(
            key("O-DUST-1", "zjj"),
            "督导组发现城南某安置房项目仍在进行土方作业",
        ),
        10 * 60,
    )?;
    // Everything else due by noon is reported done at 11:00.
    let due: Vec<ItemKey> = service
        .state()
        .current()
        .map(|e| {
            e.items
                .iter()
                .filter(|i| {
                    i.status.awaits_implementation()
                        && i.key().unit != LATE_UNIT
                        && i.deadline <= at(12 * 60)
                })
                .map(|i| i.key().clone())
                .collect()
        })
        .unwrap_or_default();
    for k in due {
        run(
            service,
            Command::implement(k, "已按要求落实", None),
            11 * 60,
        )?;
    }
    Ok(())
}
