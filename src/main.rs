//! AirDesk binary: the headless CLI and the desktop app.

fn main() {
    println!("AirDesk");
}
