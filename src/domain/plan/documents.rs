//! The frame of the official documents (公文) a centre issues — the fields of the 版头 and the 版记
//! that GB/T 9704-2012 asks for and that differ from centre to centre: 发文机关标志, 发文机关署名,
//! 主送机关, 抄送机关, 印发机关 and 签发人. A plan gives them once for every document
//! (`[documents.common]`) and may change any of them for one kind (`[documents.daily]` …); an
//! officer may still change each one before a document is written.

use std::collections::BTreeMap;

/// The documents AirDesk writes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// 预警通知 (发布).
    Warning,
    /// 单位任务通知, one per responsible unit.
    Unit,
    /// 调整通知 (升级、降级).
    Adjust,
    /// 暂停通知.
    Pause,
    /// 恢复通知.
    Resume,
    /// 解除通知.
    Lift,
    /// 督办单 for a supervision finding.
    Supervision,
    /// 日报, as a numbered 简报.
    Daily,
    /// 交接班记录.
    Handover,
    /// 总结评估 of an episode.
    Summary,
    /// 通报 of the units that did not report, did not act or failed checks.
    Bulletin,
    /// 专项行动启动通知.
    CampaignStart,
    /// 专项行动结束通知.
    CampaignStop,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 13] = [
        DocumentKind::Warning,
        DocumentKind::Unit,
        DocumentKind::Adjust,
        DocumentKind::Pause,
        DocumentKind::Resume,
        DocumentKind::Lift,
        DocumentKind::Supervision,
        DocumentKind::Daily,
        DocumentKind::Handover,
        DocumentKind::Summary,
        DocumentKind::Bulletin,
        DocumentKind::CampaignStart,
        DocumentKind::CampaignStop,
    ];

    /// The key in the plan's `[documents]` table.
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::Warning => "warning",
            DocumentKind::Unit => "unit",
            DocumentKind::Adjust => "adjust",
            DocumentKind::Pause => "pause",
            DocumentKind::Resume => "resume",
            DocumentKind::Lift => "lift",
            DocumentKind::Supervision => "supervision",
            DocumentKind::Daily => "daily",
            DocumentKind::Handover => "handover",
            DocumentKind::Summary => "summary",
            DocumentKind::Bulletin => "bulletin",
            DocumentKind::CampaignStart => "campaign_start",
            DocumentKind::CampaignStop => "campaign_stop",
        }
    }

    /// The kind named by a `[documents]` key.
    pub fn from_key(key: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The frame fields one table of `[documents]` sets; `None` leaves the field to the table above
/// (a kind's table over `common`, `common` over the built-in defaults). An empty string sets the
/// field empty: that element is left out of the document.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// 发文机关标志 (for a 简报: its name). Default: the command office's name.
    pub mark: Option<String>,
    /// 发文机关署名. Default: the command office's name.
    pub issuer: Option<String>,
    /// 主送机关 (for a 简报: 报).
    pub to: Option<String>,
    /// 抄送机关 (for a 简报: 送).
    pub cc: Option<String>,
    /// 印发机关. Default: the 发文机关署名.
    pub printer: Option<String>,
    /// 签发人. Default: whoever the journal recorded as approving the decision.
    pub signer: Option<String>,
}

/// The plan's document frames.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct DocumentFrames {
    /// `[documents.common]`: for every kind.
    pub common: Frame,
    /// `[documents.<kind>]`: per kind.
    pub kinds: BTreeMap<DocumentKind, Frame>,
}

impl DocumentFrames {
    /// The value of one field for `kind`: the kind's own, else the common one.
    pub fn field(&self, kind: DocumentKind, pick: fn(&Frame) -> &Option<String>) -> Option<&str> {
        self.kinds
            .get(&kind)
            .and_then(|f| pick(f).as_deref())
            .or_else(|| pick(&self.common).as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_overrides_common_and_empty_counts() {
        let mut frames = DocumentFrames {
            common: Frame {
                to: Some("各成员单位".into()),
                cc: Some("县政府办公室".into()),
                ..Frame::default()
            },
            ..DocumentFrames::default()
        };
        frames.kinds.insert(
            DocumentKind::Unit,
            Frame {
                cc: Some(String::new()),
                ..Frame::default()
            },
        );
        assert_eq!(
            frames.field(DocumentKind::Warning, |f| &f.cc),
            Some("县政府办公室")
        );
        assert_eq!(frames.field(DocumentKind::Unit, |f| &f.cc), Some(""));
        assert_eq!(
            frames.field(DocumentKind::Unit, |f| &f.to),
            Some("各成员单位")
        );
        assert_eq!(frames.field(DocumentKind::Daily, |f| &f.mark), None);
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::from_key(k.key()), Some(k));
        }
    }
}
