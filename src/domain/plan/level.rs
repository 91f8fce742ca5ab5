//! The ladder of responses a plan can call for, from nothing to a red warning.

/// A response level. The order is the severity order (`None < Temporary < Blue < … < Red`), so
/// "the stricter level" is simply the maximum.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
#[value(rename_all = "lowercase")]
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
}

/// Text that names no level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLevel(pub String);

impl std::fmt::Display for UnknownLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} is not a level: none, temporary, blue, yellow, orange or red",
            self.0
        )
    }
}

impl std::error::Error for UnknownLevel {}

impl std::str::FromStr for Level {
    type Err = UnknownLevel;

    /// A level by its code (`orange`, any case) or its Chinese colour word (`橙`, `橙色`,
    /// `橙色预警`), as plans, chart options and the command line write it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let colour = t.trim_end_matches("预警").trim_end_matches('色');
        let by_code = |c: &str| {
            [
                Level::None,
                Level::Temporary,
                Level::Blue,
                Level::Yellow,
                Level::Orange,
                Level::Red,
            ]
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(c))
        };
        let by_colour = match colour {
            "蓝" => Some(Level::Blue),
            "黄" => Some(Level::Yellow),
            "橙" => Some(Level::Orange),
            "红" => Some(Level::Red),
            _ => None,
        };
        by_code(t)
            .or(by_colour)
            .ok_or_else(|| UnknownLevel(t.to_owned()))
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

    #[test]
    fn levels_read_from_codes_and_chinese_colour_words() {
        for (text, level) in [
            ("orange", Level::Orange),
            (" Red ", Level::Red),
            ("temporary", Level::Temporary),
            ("蓝", Level::Blue),
            ("黄色", Level::Yellow),
            ("橙色预警", Level::Orange),
        ] {
            assert_eq!(text.parse::<Level>(), Ok(level), "{text}");
        }
        assert!("purple".parse::<Level>().is_err());
        assert_eq!(
            <Level as clap::ValueEnum>::from_str("yellow", true),
            Ok(Level::Yellow)
        );
    }
}
