//! The date and time for what biolint writes into files: BioC's collection date and the date of
//! Word comments and tracked changes. Read here, at the edge; the engine never reads a clock.

/// The UTC date and time now: (year, month, day, seconds into the day).
fn utc_now() -> (i64, u32, u32, u64) {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_date((seconds / 86_400) as i64);
    (year, month, day, seconds % 86_400)
}

/// Today as BioC writes dates: `20261203`.
pub fn today() -> String {
    let (year, month, day, _) = utc_now();
    format!("{year:04}{month:02}{day:02}")
}

/// Now as Word writes dates: `2026-12-03T18:00:00Z`.
pub fn now() -> String {
    let (year, month, day, seconds) = utc_now();
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(20_425), (2025, 12, 3));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
    }
}
