//! Mounts the Hashpivot app on the page. Everything else lives in the library.

fn main() {
    hashpivot::start();
}
