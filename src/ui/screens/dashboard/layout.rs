//! How the dashboard's rows are dealt to its lists: what `view.rs` draws each list with, and
//! so how deep `mod.rs` loads them (a list is read as far as it can be drawn, no further: at
//! a million cases the lists' rows are most of what the leader's start reads).

/// Lists in the left column where the screen is wide enough for two; the rest on the right.
pub(crate) const LEFT: usize = 4;

/// The rows under the header line and above the footer of a screen `rows` high.
pub(crate) fn body_height(rows: u16) -> usize {
    usize::from(rows.saturating_sub(2))
}

/// The rows a list of `total` entries asks for: its title and its entries ("无" where it
/// has none).
pub(crate) fn need(total: usize) -> usize {
    1 + total.max(1)
}

/// `height` rows dealt round to lists that need `needs` rows each, one at a
/// time in order, until all have enough or none are left.
pub(crate) fn shares(needs: &[usize], height: usize) -> Vec<usize> {
    let mut out = vec![0; needs.len()];
    let mut left = height;
    loop {
        let mut gave = false;
        for (h, need) in out.iter_mut().zip(needs) {
            if left > 0 && *h < *need {
                *h += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            return out;
        }
    }
}

/// The rows each list's entries may be drawn with on a screen `rows` high, for lists of
/// `totals` entries, in two columns. One column never gives a list more: the same rows are
/// dealt among more lists, so a screen of either width is drawn from what this loads.
pub(crate) fn drawn_rows(totals: &[usize], rows: u16) -> Vec<usize> {
    let needs: Vec<usize> = totals.iter().map(|&n| need(n)).collect();
    let height = body_height(rows);
    let (left, right) = needs.split_at(LEFT.min(needs.len()));
    let mut out = shares(left, height);
    out.extend(shares(right, height));
    out.iter().map(|h| h.saturating_sub(1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_share_the_screen_and_a_short_one_gives_its_rows_away() {
        // 40 rows: 38 for the lists; four long ones on the left get 9 or 10 with their
        // titles, five on the right 7 or 8.
        let drawn = drawn_rows(&[500; 9], 40);
        assert_eq!(drawn, vec![9, 9, 8, 8, 7, 7, 7, 6, 6]);
        // An empty list takes its title and "无": its column-mates draw more.
        let drawn = drawn_rows(&[500, 0, 500, 500, 500, 500, 500, 500, 500], 40);
        assert_eq!(drawn[1], 1);
        assert!(drawn[0] >= 11, "{drawn:?}");
        // One long list among empty ones is drawn down the column.
        let drawn = drawn_rows(&[500, 0, 0, 0, 0, 0, 0, 0, 0], 40);
        assert_eq!(drawn[0], 38 - 6 - 1);
    }

    #[test]
    fn a_short_list_is_drawn_whole_and_no_deeper() {
        assert_eq!(drawn_rows(&[3, 3, 3, 3, 3, 3, 3, 3, 3], 40), vec![3; 9]);
    }
}
