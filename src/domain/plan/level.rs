//! The ladder of responses a plan can call for, from nothing to a red warning.

/// A response level. The order is the severity order (`None < Temporary < Blue < … < Red`), so
/// "the stricter level" is simply the maximum.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// No warning and no temporary measures.
    None,
    /// Below the lowest warning: temporary control measures are possible if the higher-level
    /// ecology-environment department deploys them (2024 rules, DOMAIN.md §2.2).
    Temporary,
    /// Blue warning (IV), only in older four-level local plans.
    Blue,
    /// Yellow warning (III).
    Yellow,
    /// Orange warning (II).
    Orange,
    /// Red warning (I).
    Red,
}

impl Level {
    /// The four coloured warning levels, mildest first.
    pub const WARNINGS: [Level; 4] = [Level::Blue, Level::Yellow, Level::Orange, Level::Red];

    /// The lowercase code used in plans and JSON (`none`, `temporary`, `blue`, …).
    pub fn code(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Temporary => "temporary",
            Level::Blue => "blue",
            Level::Yellow => "yellow",
            Level::Orange => "orange",
            Level::Red => "red",
        }
    }

    /// Whether this is a coloured warning (blue to red).
    pub fn is_warning(self) -> bool {
        self >= Level::Blue
    }

    /// Default Chinese name, used when a plan does not name the level itself.
    pub fn default_name(self) -> &'static str {
        match self {
            Level::None => "无需预警",
            Level::Temporary => "临时管控",
            Level::Blue => "蓝色预警",
            Level::Yellow => "黄色预警",
            Level::Orange => "橙色预警",
            Level::Red => "红色预警",
        }
    }

    /// Default English name, used when a plan does not name the level itself.
    pub fn default_name_en(self) -> &'static str {
        match self {
            Level::None => "no warning",
            Level::Temporary => "temporary measures",
            Level::Blue => "blue warning",
            Level::Yellow => "yellow warning",
            Level::Orange => "orange warning",
            Level::Red => "red warning",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_order_and_codes() {
        assert!(Level::None < Level::Temporary);
        assert!(Level::Temporary < Level::Blue);
        assert!(Level::Yellow < Level::Orange && Level::Orange < Level::Red);
        assert!(!Level::Temporary.is_warning() && Level::Blue.is_warning());
        let json = serde_json::to_string(&Level::Orange).expect("serialise");
        assert_eq!(json, "\"orange\"");
        assert_eq!(Level::Red.code(), "red");
    }
}
