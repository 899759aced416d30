//! The map view: the countries' list beside the world map. Moving in the list moves the highlight on the
//! map; Enter opens the country in the Countries tab (Back returns here).

use crate::app::rows::RowKey;
use crate::app::{Action, App};

impl App {
    pub(in crate::app) fn map_action(&mut self, action: Action) {
        match action {
            Action::Open | Action::Right => match self.view_detail_key() {
                Some(RowKey::Record(country)) => {
                    self.remember();
                    self.jump(country);
                }
                _ => self.status = Some("Select a country to open it".into()),
            },
            other => self.list_action(other),
        }
    }
}
