//! The date forms of the knowledge base: `"2023-12-01"`, `"2024-02"`, `"2019"`, and periods `"2009-2018"`.

/// A calendar date at day, month or year precision. Orders chronologically (a year sorts before its months).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the date is real (no 31 April, 29 February only
    /// in leap years).
    pub fn parse(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let bad = || format!("`{text}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD");
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let number = |s: &str, width: usize| -> Result<u32, String> {
            if s.len() == width && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = number(parts[0], 4)? as i32;
        let month = parts.get(1).map(|m| number(m, 2)).transpose()?;
        let day = parts.get(2).map(|d| number(d, 2)).transpose()?;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("`{text}` is not a real date: there is no month {m}"));
            }
            if let Some(d) = day {
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(format!(
                        "`{text}` is not a real date: month {m} of {year} has {last} days"
                    ));
                }
            }
        }
        Ok(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = self.month.and_then(|m| MONTHS.get(m as usize - 1));
        match (self.day, month) {
            (Some(d), Some(m)) => write!(f, "{d} {m} {}", self.year),
            (None, Some(m)) => write!(f, "{m} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Parses a period: a year (`2023`) or a range of years (`2009-2018`), returning (first, last).
pub fn parse_period(text: &str) -> Result<(i32, i32), String> {
    let bad = || format!("`{text}` is not a period: expected YYYY or YYYY-YYYY");
    let year = |s: &str| -> Result<i32, String> {
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    match text.split_once('-') {
        None => year(text).map(|y| (y, y)),
        Some((a, b)) => {
            let (first, last) = (year(a)?, year(b)?);
            if first > last {
                return Err(format!("`{text}` is not a period: {first} comes after {last}"));
            }
            Ok((first, last))
        }
    }
}

/// The year of a stored date ("2023-12-01", "2024-02", "2019"), if it is a real date.
pub fn year_of(date: &str) -> Option<i32> {
    Date::parse(date).ok().map(|d| d.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_precisions() {
        assert_eq!(Date::parse("2019").map(|d| d.year), Ok(2019));
        assert_eq!(Date::parse("2024-02").map(|d| d.month), Ok(Some(2)));
        assert_eq!(Date::parse("2023-12-01").map(|d| d.day), Ok(Some(1)));
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2023-04-31").is_err());
        assert!(Date::parse("2023-13").is_err());
        assert!(Date::parse("2023-00-10").is_err());
        assert!(Date::parse("23-01-01").is_err());
        assert!(Date::parse("2023/01/01").is_err());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn displays_for_people() {
        assert_eq!(
            Date::parse("2023-12-01").map(|d| d.to_string()),
            Ok("1 December 2023".into())
        );
        assert_eq!(
            Date::parse("2024-02").map(|d| d.to_string()),
            Ok("February 2024".into())
        );
    }

    #[test]
    fn periods() {
        assert_eq!(parse_period("2009-2018"), Ok((2009, 2018)));
        assert_eq!(parse_period("2023"), Ok((2023, 2023)));
        assert!(parse_period("2018-2009").is_err());
        assert!(parse_period("recent").is_err());
    }
}
