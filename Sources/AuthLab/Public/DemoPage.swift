/// The side-by-side demo page (replaced by the full page).
enum DemoPage {
    static let html = "<!doctype html><title>authlab</title><p>authlab</p>"
}
