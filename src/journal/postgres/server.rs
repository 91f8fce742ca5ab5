//! Where a server journal is: a `postgres://USER:PASSWORD@HOST:PORT/DB` URL, its password taken
//! from the URL, else the `PGPASSWORD` environment variable, else a `.pgpass`-style file
//! (`PGPASSFILE`, else `~/.pgpass`, `%APPDATA%\postgresql\pgpass.conf` on Windows) — the same
//! places PostgreSQL's own tools look.
//!
//! The password never leaves this type: its `Display` and `Debug` show the URL without it, and
//! that redacted form is all that goes into messages, logs, banners and exports.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use postgres::config::{Host, SslMode};

use crate::journal::error::JournalError;

/// How long connecting to the server may take before the desk says it is unreachable.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// A PostgreSQL server journal's address and credentials.
#[derive(Clone)]
pub struct ServerUrl {
    config: postgres::Config,
}

impl ServerUrl {
    /// Whether `text` names a server journal (`postgres://` or `postgresql://`) rather than a
    /// workspace folder.
    pub fn is_server_url(text: &str) -> bool {
        let lower = text.trim_start().to_ascii_lowercase();
        lower.starts_with("postgres://") || lower.starts_with("postgresql://")
    }

    /// Read a URL; a missing password is looked up in `PGPASSWORD` and the password file.
    pub fn parse(text: &str) -> Result<ServerUrl, JournalError> {
        let bad = |detail: String| JournalError::Server {
            server: redact_text(text),
            detail,
        };
        if !Self::is_server_url(text) {
            return Err(bad("not a postgres:// URL".into()));
        }
        let mut config =
            postgres::Config::from_str(text.trim()).map_err(|e| bad(format!("{e}")))?;
        if config.get_ssl_mode() == SslMode::Require {
            return Err(bad(
                "sslmode=require: this build talks to the server without TLS (README, \
                 \"A centre's server\"); keep the server on the centre's network or tunnel to it"
                    .into(),
            ));
        }
        config.ssl_mode(SslMode::Disable);
        if config.get_user().is_none() {
            return Err(bad("the URL names no user (postgres://USER@HOST/DB)".into()));
        }
        if config.get_dbname().is_none() {
            return Err(bad(
                "the URL names no database (postgres://USER@HOST/DB)".into()
            ));
        }
        if config.get_password().is_none()
            && let Some(password) = password_from_environment(&config)
        {
            config.password(password);
        }
        config
            .connect_timeout(CONNECT_TIMEOUT)
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(5))
            .application_name("airdesk");
        Ok(ServerUrl { config })
    }

    /// A plain connection to the server as this login, for administration (registering desks)
    /// and tests; the journal itself is opened with [`PgStorage`](super::PgStorage).
    pub fn connect(&self) -> Result<postgres::Client, postgres::Error> {
        self.config.connect(postgres::NoTls)
    }

    /// The login (user name) this URL connects as.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// The database name.
    pub fn database(&self) -> &str {
        self.config.get_dbname().unwrap_or_default()
    }

    /// The same server and database as another login (tests and the administrator's tools).
    pub fn as_user(&self, user: &str, password: &str) -> ServerUrl {
        let mut config = self.config.clone();
        config.user(user).password(password);
        ServerUrl { config }
    }

    /// The same server and login, another database.
    pub fn with_database(&self, database: &str) -> ServerUrl {
        let mut config = self.config.clone();
        config.dbname(database);
        ServerUrl { config }
    }
}

impl fmt::Display for ServerUrl {
    /// `postgres://USER@HOST:PORT/DB` — never the password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = self.config.get_hosts().first().map_or_else(
            || "localhost".to_owned(),
            |h| match h {
                Host::Tcp(name) => name.clone(),
                #[cfg(unix)]
                Host::Unix(path) => path.display().to_string(),
            },
        );
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        write!(
            f,
            "postgres://{}@{host}:{port}/{}",
            self.user(),
            self.database()
        )
    }
}

impl fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerUrl({self})")
    }
}

/// A URL text with any password replaced by `***`, for messages about a URL that did not parse.
pub fn redact_text(text: &str) -> String {
    let text = text.trim();
    let Some((scheme, rest)) = text.split_once("://") else {
        return "(not a URL)".into();
    };
    let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or_default();
            let hidden = if credentials.contains(':') {
                ":***"
            } else {
                ""
            };
            let tail = tail.split('?').next().unwrap_or_default();
            format!("{scheme}://{user}{hidden}@{host}{tail}")
        }
        None => format!(
            "{scheme}://{authority}{}",
            tail.split('?').next().unwrap_or("")
        ),
    }
}

/// `PGPASSWORD`, else the first matching line of the password file.
fn password_from_environment(config: &postgres::Config) -> Option<String> {
    if let Ok(p) = std::env::var("PGPASSWORD")
        && !p.is_empty()
    {
        return Some(p);
    }
    let file = password_file()?;
    let text = crate::ingest::input::read_text(&file, 1024 * 1024).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(name)) => name.clone(),
        #[cfg(unix)]
        Some(Host::Unix(_)) => "localhost".into(),
        None => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let wanted = [
        host.as_str(),
        port.as_str(),
        config.get_dbname().unwrap_or_default(),
        config.get_user().unwrap_or_default(),
    ];
    pgpass_lookup(&text, wanted)
}

fn password_file() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE") {
        return Some(PathBuf::from(p));
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA")
            .map(|d| Path::new(&d).join("postgresql").join("pgpass.conf"));
    }
    std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass"))
}

/// The password of the first line `host:port:database:user:password` whose four first fields
/// match (`*` matches anything; `\:` and `\\` are a literal colon and backslash), as libpq reads
/// the file.
pub fn pgpass_lookup(text: &str, wanted: [&str; 4]) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(split_pgpass_line)
        .find(|fields| {
            fields.len() == 5
                && fields[..4]
                    .iter()
                    .zip(wanted)
                    .all(|(field, want)| field == "*" || field == want)
        })
        .map(|mut fields| fields.swap_remove(4))
}

fn split_pgpass_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_debug_never_show_the_password() {
        let url = ServerUrl::parse("postgres://desk1:s3cr%40t@10.0.0.5:5433/airdesk").unwrap();
        assert_eq!(url.to_string(), "postgres://desk1@10.0.0.5:5433/airdesk");
        assert_eq!(
            format!("{url:?}"),
            "ServerUrl(postgres://desk1@10.0.0.5:5433/airdesk)"
        );
        assert_eq!(url.config.get_password(), Some(&b"s3cr@t"[..]));
        assert_eq!(
            redact_text("postgresql://u:pw@h/db?sslmode=require&password=x"),
            "postgresql://u:***@h/db"
        );
        let refused = ServerUrl::parse("postgres://u:pw@h/db?sslmode=require").unwrap_err();
        assert!(!refused.to_string().contains("pw"), "{refused}");
        assert!(refused.to_string().contains("TLS"));
    }

    #[test]
    fn urls_are_told_from_folders_and_need_user_and_database() {
        assert!(ServerUrl::is_server_url("postgres://u@h/db"));
        assert!(ServerUrl::is_server_url("PostgreSQL://u@h/db"));
        assert!(!ServerUrl::is_server_url("/srv/airdesk/ws"));
        assert!(ServerUrl::parse("postgres://h/db").is_err());
        assert!(ServerUrl::parse("postgres://u@h").is_err());
    }

    #[test]
    fn pgpass_lines_match_like_libpq() {
        let file = "# comment\n\
                    other:5432:*:desk1:wrong\n\
                    db\\:host:*:airdesk:desk1:p\\:w\\\\1\n\
                    *:*:*:*:fallback:with:colons\n";
        assert_eq!(
            pgpass_lookup(file, ["db:host", "5432", "airdesk", "desk1"]).as_deref(),
            Some("p:w\\1")
        );
        assert_eq!(
            pgpass_lookup(file, ["x", "1", "y", "z"]).as_deref(),
            Some("fallback:with:colons")
        );
        assert_eq!(pgpass_lookup("", ["a", "b", "c", "d"]), None);
    }
}
