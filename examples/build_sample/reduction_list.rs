//! The sample county's emission-reduction list (应急减排清单): 60 synthetic enterprises of the
//! industries of southern Hebei in the townships of the sample plan, and the whole-society base
//! the sample plan states. Every figure is synthetic but consistent: each line's reductions follow
//! its measure (限产30% → 30 % of the line's base, 停产 → all of it), never exceed the base and
//! grow from yellow to red; the base is chosen so that the orange level reaches its 20 % for SO2,
//! NOx and PM and falls short for VOCs.

use std::fmt::Write;

use anyhow::{Result, bail};

use airdesk::ingest::reduction_list::credit_code;

/// A deterministic pseudo-random sequence (xorshift64*), so the sample is rebuilt identically.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `lo..=hi`, to 0.1.
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((lo + u * (hi - lo)) * 10.0).round() / 10.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// A production line kind: name and base ranges (kg/d) of SO2, NOx, PM, VOCs.
type LineKind = (&'static str, [(f64, f64); 4]);

/// An industry: name in the list, name suffix, lines, grades of its enterprises in order,
/// supervising department (plan unit name), unit of its daily output (产量).
struct Industry {
    name: &'static str,
    suffix: &'static str,
    lines: &'static [LineKind],
    grades: &'static [&'static str],
    department: &'static str,
    output: &'static str,
}

const GXJ: &str = "县工业和信息化局";
const EE: &str = "某某市生态环境局某某县分局";
const NONE: (f64, f64) = (0.0, 0.0);

const INDUSTRIES: &[Industry] = &[
    Industry {
        name: "钢铁",
        suffix: "钢铁有限公司",
        lines: &[
            (
                "烧结机",
                [(380.0, 620.0), (520.0, 860.0), (180.0, 280.0), (40.0, 70.0)],
            ),
            ("高炉", [(40.0, 70.0), (60.0, 100.0), (130.0, 180.0), NONE]),
            ("转炉", [(8.0, 15.0), (15.0, 25.0), (100.0, 140.0), NONE]),
            (
                "轧钢加热炉",
                [(30.0, 50.0), (100.0, 140.0), (15.0, 25.0), NONE],
            ),
        ],
        grades: &["A", "B", "C"],
        department: GXJ,
        output: "吨/日",
    },
    Industry {
        name: "焦化",
        suffix: "焦化有限公司",
        lines: &[
            (
                "焦炉",
                [
                    (150.0, 250.0),
                    (300.0, 480.0),
                    (80.0, 120.0),
                    (100.0, 180.0),
                ],
            ),
            ("化产回收", [NONE, NONE, NONE, (80.0, 140.0)]),
        ],
        grades: &["引领性", "B", "C"],
        department: GXJ,
        output: "吨/日",
    },
    Industry {
        name: "水泥",
        suffix: "水泥有限公司",
        lines: &[
            (
                "熟料生产线",
                [(30.0, 80.0), (300.0, 560.0), (60.0, 110.0), NONE],
            ),
            ("粉磨站", [NONE, NONE, (20.0, 40.0), NONE]),
        ],
        grades: &["B", "C", "C", "D"],
        department: GXJ,
        output: "吨/日",
    },
    Industry {
        name: "砖瓦窑",
        suffix: "新型建材厂",
        lines: &[("隧道窑", [(40.0, 90.0), (20.0, 40.0), (10.0, 25.0), NONE])],
        grades: &["C", "C", "D", "D", "D", "非分级", "非分级", "C"],
        department: GXJ,
        output: "万块/日",
    },
    Industry {
        name: "碳素",
        suffix: "炭素有限公司",
        lines: &[
            (
                "焙烧炉",
                [(60.0, 120.0), (30.0, 60.0), (20.0, 40.0), (30.0, 60.0)],
            ),
            ("煅烧炉", [(80.0, 150.0), (20.0, 40.0), (15.0, 30.0), NONE]),
        ],
        grades: &["B", "C", "D", "非分级"],
        department: GXJ,
        output: "吨/日",
    },
    Industry {
        name: "铸造",
        suffix: "铸造有限公司",
        lines: &[
            (
                "熔炼工序",
                [(2.0, 5.0), (3.0, 8.0), (10.0, 30.0), (5.0, 10.0)],
            ),
            ("造型制芯工序", [NONE, NONE, (5.0, 10.0), (10.0, 30.0)]),
        ],
        grades: &["B", "C", "C", "D", "D", "非分级", "C", "B"],
        department: GXJ,
        output: "吨/日",
    },
    Industry {
        name: "玻璃",
        suffix: "玻璃有限公司",
        lines: &[(
            "浮法玻璃熔窑",
            [(100.0, 200.0), (300.0, 480.0), (30.0, 60.0), NONE],
        )],
        grades: &["A", "B", "C"],
        department: GXJ,
        output: "重量箱/日",
    },
    Industry {
        name: "陶瓷",
        suffix: "陶瓷有限公司",
        lines: &[
            ("辊道窑", [(20.0, 40.0), (30.0, 60.0), (10.0, 20.0), NONE]),
            (
                "喷雾干燥塔",
                [(10.0, 20.0), (10.0, 20.0), (15.0, 30.0), NONE],
            ),
        ],
        grades: &["B", "C", "C", "D", "非分级", "B"],
        department: GXJ,
        output: "平方米/日",
    },
    Industry {
        name: "化工",
        suffix: "化工有限公司",
        lines: &[
            ("反应釜及储罐", [NONE, NONE, NONE, (60.0, 140.0)]),
            ("导热油炉", [(5.0, 10.0), (10.0, 20.0), (2.0, 5.0), NONE]),
        ],
        grades: &["A", "B", "B", "C", "D", "引领性"],
        department: EE,
        output: "吨/日",
    },
    Industry {
        name: "包装印刷",
        suffix: "包装印刷有限公司",
        lines: &[("印刷线", [NONE, NONE, NONE, (20.0, 60.0)])],
        grades: &["A", "B", "B", "C", "D", "非分级"],
        department: EE,
        output: "万印/日",
    },
    Industry {
        name: "工业涂装",
        suffix: "机械制造有限公司",
        lines: &[("喷涂线", [NONE, NONE, (2.0, 5.0), (20.0, 80.0)])],
        grades: &["B", "B", "C", "C", "D", "非分级", "A"],
        department: EE,
        output: "平方米/日",
    },
    Industry {
        name: "热电",
        suffix: "热电有限公司",
        lines: &[(
            "供热锅炉",
            [(150.0, 300.0), (300.0, 500.0), (40.0, 80.0), NONE],
        )],
        grades: &["民生保障", "民生保障"],
        department: GXJ,
        output: "吉焦/日",
    },
];

/// The sample plan's townships, as the list writes them, and the short form names begin with.
const TOWNSHIPS: [(&str, &str); 3] = [("城关镇", "城关"), ("河东镇", "河东"), ("东城街道", "东城")];

const WORDS: &[&str] = &[
    "恒达", "宏远", "鑫源", "永盛", "华兴", "金泰", "瑞丰", "德隆", "盛达", "万通", "天宇", "昌盛",
    "兴旺", "安泰", "广源", "新峰", "众和", "博远", "嘉诚", "立信", "润泽", "正通", "海川", "宝丰",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马",
];
const GIVEN: &[&str] = &[
    "建国", "志强", "海涛", "丽娜", "晓东", "秀英", "文博", "春燕", "国庆", "玉兰",
];

/// The measure of a grade at yellow, orange, red, and the share of the base it cuts.
fn measures(grade: &str) -> [(&'static str, f64); 3] {
    match grade {
        "A" | "引领性" => [("自主减排，稳定达标排放", 0.0); 3],
        "民生保障" => [("以热定产，保障居民供热", 0.0); 3],
        "B" => [("限产20%", 0.2), ("限产30%", 0.3), ("限产50%", 0.5)],
        "D" => [("停产", 1.0); 3],
        _ => [("限产30%", 0.3), ("限产50%", 0.5), ("停产", 1.0)],
    }
}

/// kg/d → t/a, to the four decimals that carry a figure of 0.1 kg/d exactly.
fn tonnes_per_year(kg_per_day: f64) -> f64 {
    (kg_per_day * 0.365 * 1e4).round() / 1e4
}

/// The list as CSV (UTF-8 with BOM, as Excel saves it), and the whole-society base (kg/d) for
/// SO2, NOx, PM, VOCs.
pub fn build() -> Result<(String, [f64; 4])> {
    let mut rng = Rng(0x5EED_2019_1222);
    let mut csv = String::from("\u{feff}");
    csv.push_str(
        "序号,企业名称,统一社会信用代码,所属乡镇（街道）,行业,绩效分级,生产线/工序,\
         SO2基准排放量（吨/年）,NOx基准排放量（吨/年）,颗粒物基准排放量（吨/年）,VOCs基准排放量（吨/年）,\
         黄色预警减排措施,黄色预警SO2减排量（千克/日）,黄色预警NOx减排量（千克/日）,黄色预警颗粒物减排量（千克/日）,黄色预警VOCs减排量（千克/日）,\
         橙色预警减排措施,橙色预警SO2减排量（千克/日）,橙色预警NOx减排量（千克/日）,橙色预警颗粒物减排量（千克/日）,橙色预警VOCs减排量（千克/日）,\
         红色预警减排措施,红色预警SO2减排量（千克/日）,红色预警NOx减排量（千克/日）,红色预警颗粒物减排量（千克/日）,红色预警VOCs减排量（千克/日）,\
         用电量（kWh/d）,产量,监管部门,驻厂员,联系电话\r\n",
    );
    let mut list_base = [0.0; 4];
    let mut orange = [0.0; 4];
    let mut n = 0u32;
    for industry in INDUSTRIES {
        for grade in industry.grades {
            n += 1;
            let (township, short) = TOWNSHIPS[n as usize % 3];
            let name = format!(
                "{short}{}{}",
                WORDS[n as usize % WORDS.len()],
                industry.suffix
            );
            let Some(code) = credit_code(&format!("91130400MA0{:06}", 100 + n * 37)) else {
                bail!("credit code");
            };
            let resident = format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN));
            let phone = format!("138000{:05}", 10_000 + n * 7);
            let levels = measures(grade);
            for (line, ranges) in industry.lines {
                let base = ranges.map(|(lo, hi)| if hi > 0.0 { rng.between(lo, hi) } else { 0.0 });
                let power = (base.iter().sum::<f64>() * rng.between(40.0, 60.0)).round();
                let output = (power / rng.between(80.0, 120.0)).round();
                write!(
                    csv,
                    "{n},{name},{code},{township},{},{grade},{line}",
                    industry.name
                )?;
                for b in base {
                    write!(csv, ",{}", tonnes_per_year(b))?;
                }
                for (i, (text, share)) in levels.iter().enumerate() {
                    write!(csv, ",{text}")?;
                    for (p, b) in base.iter().enumerate() {
                        let r = (b * share * 10.0).round() / 10.0;
                        if i == 1 {
                            orange[p] += r;
                        }
                        write!(csv, ",{r}")?;
                    }
                }
                writeln!(
                    csv,
                    ",{power},{output} {},{},{resident},{phone}\r",
                    industry.output, industry.department
                )?;
                for (total, b) in list_base.iter_mut().zip(base) {
                    *total += b;
                }
            }
        }
    }
    // Orange reaches 24 %, 22 %, 26 % of the base for SO2, NOx, PM and only 17 % for VOCs.
    let share = [0.24, 0.22, 0.26, 0.17];
    let mut base = [0.0; 4];
    for p in 0..4 {
        base[p] = (orange[p] / share[p] / 10.0).round() * 10.0;
        if base[p] <= list_base[p] {
            bail!("the whole-society base must exceed the list's own emissions");
        }
    }
    Ok((csv, base))
}
