//! The binary Trunk builds: it only mounts the app. Everything else lives in
//! the library so that it can be tested natively and in the browser.

fn main() {
    baocao::ui::mount();
}
