//! Numbers as SVG attributes print them: one decimal ([`tenths`], [`f`]), the shortest form of a
//! whole or half number ([`short`]), or a whole number ([`whole`]), all without core's float
//! formatting, which would add several KB to the page's WebAssembly as soon as one float is
//! formatted with `{}`.

/// `format!("{v:.1}")`, the same text for every `f32`, without core's float formatting: that
/// code (several KB of the page's WebAssembly) is linked as soon as one float is formatted.
///
/// Ten times an `f32` is exact in `f64`, so rounding it half to even is what the exact
/// formatter does; from 2^23 up every `f32` is a whole number, and every whole `f32` fits a
/// `u128`.
pub fn tenths(v: f32) -> String {
    let mut out = String::new();
    push_tenths(&mut out, v);
    out
}

/// Appends [`tenths`]`(v)` to `out`.
pub fn push_tenths(out: &mut String, v: f32) {
    if v.is_nan() {
        out.push_str("NaN");
        return;
    }
    if v.is_sign_negative() {
        out.push('-');
    }
    let a = v.abs();
    if a.is_infinite() {
        out.push_str("inf");
    } else if a < 8_388_608.0 {
        let t = (f64::from(a) * 10.0).round_ties_even() as u32;
        out.push_str(&(t / 10).to_string());
        out.push('.');
        out.push(char::from(b'0' + (t % 10) as u8));
    } else {
        out.push_str(&(a as u128).to_string());
        out.push_str(".0");
    }
}

/// `format!("{v}")` for the whole and half numbers below 2^23 that fixed layouts (the overview,
/// the primer's view box) are made of: [`tenths`] without a trailing `.0`.
pub fn short(v: f32) -> String {
    let mut s = tenths(v);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    s
}

/// One decimal is plenty for SVG coordinates. Not inlined: it is called at every coordinate.
#[inline(never)]
pub fn f(v: f32) -> String {
    tenths(v)
}

/// `format!("{v:.0}")` for sizes in CSS pixels (a canvas's width and height, far from the limits
/// of `i64`): rounded half to even, as the formatter rounds.
pub fn whole(v: f64) -> String {
    (v.round_ties_even() as i64).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_prints_what_the_formatter_prints() {
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            -0.04,
            -0.25,
            1.45,
            2.5,
            99.95,
            8_388_607.5,
            8_388_608.0,
            1e10,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            f32::EPSILON,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
        ];
        // Every exponent, with a spread of mantissas, both signs.
        let mut bits: u32 = 0x9e37_79b9;
        for _ in 0..200_000 {
            bits = bits.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            values.push(f32::from_bits(bits));
        }
        for i in 0..20_000 {
            values.push(i as f32 * 0.05);
            values.push(i as f32 * 0.25 - 2_500.0);
        }
        for v in values {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v:e}");
        }
    }

    #[test]
    fn short_prints_what_the_formatter_prints_for_whole_and_half_numbers() {
        for i in -40_000..40_000 {
            let v = i as f32 * 0.5;
            assert_eq!(short(v), format!("{v}"));
        }
        for v in [0.0, -0.0, 8_388_607.5, 8_388_607.0, 4_194_304.5] {
            assert_eq!(short(v), format!("{v}"));
        }
    }

    #[test]
    fn whole_rounds_half_to_even() {
        assert_eq!(whole(720.0), "720");
        assert_eq!(whole(171.5), "172");
        assert_eq!(whole(170.5), "170");
        assert_eq!(whole(-3.4), "-3");
    }
}
