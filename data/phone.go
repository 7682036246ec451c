package data

import "strings"

// FormatPhone writes a Kazakhstan mobile or city number with its code the
// way the office writes it: 7012345678, 87012345678 and +7 (701) 234-56-78
// all become «+7 701 234 56 78». Anything else (a six-digit city number
// such as 343413, an extension) is kept as typed, trimmed.
func FormatPhone(s string) string {
	s = strings.TrimSpace(s)
	var d []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			d = append(d, c)
		case strings.IndexByte(" +()-.", c) < 0:
			return s // letters, a comma: not one number
		}
	}
	if len(d) == 11 && (d[0] == '7' || d[0] == '8') {
		d = d[1:]
	}
	if len(d) != 10 || d[0] != '7' {
		return s
	}
	n := string(d)
	return "+7 " + n[0:3] + " " + n[3:6] + " " + n[6:8] + " " + n[8:10]
}
