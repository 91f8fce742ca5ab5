//! `airdesk chart KIND FILE… --out PATH.png|svg` end to end on the CNEMC excerpt.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = (6..=10)
        .map(|d| dir.join(format!("charts/china_sites_201912{d:02}.csv")))
        .collect();
    files.push(dir.join("stations/NewSiteList.csv"));
    files
}

fn chart(args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .arg("chart")
        .args(args)
        .args(fixtures())
        .arg("--out")
        .arg(out)
        .output()
        .expect("airdesk runs")
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("png written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn meteogram_calendar_and_ranking_are_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let m = dir.path().join("m.png");
    let out = chart(
        &[
            "meteogram",
            "--area",
            "石家庄",
            "--now",
            "2019-12-09T14:00",
            "--window",
            "2019-12-07..2019-12-08T12:00",
            "--warning",
            "orange:2019-12-07T20:00..2019-12-09",
        ],
        &m,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(png_size(&m), (1400, 680));

    let c = dir.path().join("c.svg");
    let out = chart(&["calendar", "--area", "石家庄"], &c);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&c).expect("svg");
    assert!(svg.contains("<title>石家庄 PM2.5 日均值日历</title>"));
    assert!(svg.contains("<title>2019年12月</title>"));

    let r = dir.path().join("r.png");
    let out = chart(&["ranking", "--area", "北京", "--projector"], &r);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(png_size(&r), (1920, 1080));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ranking of 2 item(s)"));
}

#[test]
fn unusable_requests_exit_2_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["meteogram", "--area", "石家庄"],
            "x.jpg",
            "must end in .png or .svg",
        ),
        (
            &["meteogram", "--station", "9999Z"],
            "x.png",
            "station 9999Z is not in the loaded data",
        ),
        (
            &["calendar", "--area", "石家庄", "--variable", "AQI"],
            "x.png",
            "daily AQI",
        ),
        (
            &["meteogram", "--area", "石家庄", "--window", "2019-12-07"],
            "x.png",
            "expected FROM..TO",
        ),
        (
            &["meteogram", "--variable", "benzene", "--area", "石家庄"],
            "x.png",
            "unknown variable",
        ),
    ];
    for (args, file, reason) in cases {
        let out = chart(args, &dir.path().join(file));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    }
}

/// The text of every `<title>` element (the words the SVG draws), unescaped.
fn svg_titles(svg: &str) -> Vec<String> {
    svg.split("<title>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</title>").map(|(t, _)| t))
        .map(|t| {
            t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

#[test]
fn english_charts_write_no_chinese_besides_the_names_in_the_data() {
    use airdesk::report::charts::from_store::Selection;
    // The names that are data, not chart text: the areas and the stations of the one drawn.
    let mut store = airdesk::store::Store::new();
    airdesk::ingest::load_paths(&fixtures(), &mut store);
    let sel = Selection::area(&store, "石家庄").expect("area in the fixtures");
    let mut names: Vec<String> = sel
        .stations
        .iter()
        .map(|&id| store.stations().get(id).label().to_string())
        .collect();
    names.extend(store.stations().areas());
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));

    let dir = tempfile::tempdir().expect("tempdir");
    let runs: [(&[&str], &str); 3] = [
        (
            &[
                "meteogram",
                "--area",
                "石家庄",
                "--now",
                "2019-12-09T14:00",
                "--window",
                "2019-12-07..2019-12-08T12:00",
                "--warning",
                "blue:2019-12-07T20:00..2019-12-09",
                "--lang",
                "en",
            ],
            "m.svg",
        ),
        (&["calendar", "--area", "石家庄", "--lang", "en"], "c.svg"),
        (
            &["ranking", "--area", "石家庄", "--top", "1", "--lang", "en"],
            "r.svg",
        ),
    ];
    let mut all = Vec::new();
    for (args, file) in runs {
        let path = dir.path().join(file);
        let out = chart(args, &path);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let titles = svg_titles(&std::fs::read_to_string(&path).expect("svg"));
        assert!(titles.len() > 10, "{file}: {titles:?}");
        for t in &titles {
            let mut rest = t.clone();
            for n in &names {
                rest = rest.replace(n.as_str(), "");
            }
            assert!(
                !rest.chars().any(is_cjk),
                "{file}: Chinese chart text in {t:?}"
            );
        }
        all.extend(titles);
    }
    for expected in [
        "石家庄: hourly PM2.5",
        "Blue warning",
        "Unfavourable weather",
        "Forecast →",
        "Sat 7 Dec",
        "18:00",
        "Heavily polluted",
        "石家庄: daily mean PM2.5",
        "Dec 2019",
        "Cities: ranking by mean PM2.5 (top 1 of 2)",
        "Rank",
    ] {
        assert!(all.iter().any(|t| t == expected), "{expected:?} missing");
    }
    assert!(
        all.iter().any(|t| t.starts_with("Now ")),
        "the now-line label"
    );
}

/// Open-Meteo location codes hold a comma (`open-meteo:45.750N,12.750E:icon_d2`): `--weather`
/// takes them whole, alone or in a comma-separated list (#11 item 13).
#[test]
fn weather_locations_with_commas_can_be_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let m = dir.path().join("m.svg");
    let weather = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/open-meteo/multimodel_excerpt.json");
    for list in [
        "open-meteo:45.750N,12.750E:ecmwf_ifs025",
        "1001A,open-meteo:45.750N,12.750E:icon_d2,open-meteo:45.750N,12.750E:ecmwf_ifs025",
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_airdesk"))
            .args([
                "chart",
                "meteogram",
                "--station",
                "1001A",
                "--weather",
                list,
            ])
            .args(fixtures())
            .arg(&weather)
            .arg("--out")
            .arg(&m)
            .output()
            .expect("airdesk runs");
        assert!(
            out.status.success(),
            "{list}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = chart(
        &[
            "meteogram",
            "--station",
            "1001A",
            "--weather",
            "1001A,nowhere",
        ],
        &m,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere"));
}

#[test]
fn map_with_a_base_layer_and_shading_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A synthetic boundary (a box around 石家庄) with a name, as a centre would supply it.
    let layer = dir.path().join("county.geojson");
    std::fs::write(
        &layer,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"示例边界"},
        "geometry":{"type":"Polygon","coordinates":[[[114.3,37.9],[114.7,37.9],[114.7,38.2],[114.3,38.2],[114.3,37.9]]]}}]}"#,
    )
    .expect("write layer");
    let png = dir.path().join("map.png");
    let layer_arg = layer.display().to_string();
    let args = [
        "map",
        "--at",
        "2019-12-08T10:00",
        "--area",
        "石家庄",
        "--shading",
        "--boundaries",
        layer_arg.as_str(),
    ];
    let out = chart(&args, &png);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 base layer(s)"), "{said}");
    assert_eq!(png_size(&png), (1600, 1100));
    let svg = dir.path().join("map.svg");
    let mut en = args.to_vec();
    en.extend(["--lang", "en", "--pollutant", "pm25"]);
    let out = chart(&en, &svg);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).expect("svg");
    let titles = svg_titles(&text).join(" ");
    assert!(titles.contains("PM2.5 hourly"), "{titles}");
    assert!(titles.contains("interpolation"), "{titles}");

    // Without --at, or with a layer in projected metres: exit 2 with the reason.
    let out = chart(&["map"], &png);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--at"));
    std::fs::write(
        &layer,
        r#"{"type":"Point","coordinates":[500000.0,4200000.0]}"#,
    )
    .expect("write layer");
    let out = chart(&args, &png);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("投影坐标系"));
    let english: Vec<&str> = args.iter().copied().chain(["--lang", "en"]).collect();
    let out = chart(&english, &png);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("longitude/latitude"));
}
