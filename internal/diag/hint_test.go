package diag

import "testing"

func TestExtraHint(t *testing.T) {
	for _, c := range []struct{ msg, hint, want string }{
		{"no post for 9 days before this one; schedule a post in between",
			"schedule a post in between; `pkpm calendar` shows the free slots", "`pkpm calendar` shows the free slots"},
		{`link "https://x.id" will not be clickable on Instagram`,
			`links are not clickable on Instagram: write a short address or say "link in bio"`, `write a short address or say "link in bio"`},
		{"caption is 2,340 characters; Instagram allows 2,200", "shorten the caption to 2,200 characters or fewer", "shorten the caption to 2,200 characters or fewer"},
		{"the text only fits at the smallest size; shorten it", "the text only fits at the smallest size; shorten it", ""},
		{"anything", "", ""},
	} {
		f := Finding{Message: c.msg, Hint: c.hint}
		if got := f.ExtraHint(); got != c.want {
			t.Errorf("ExtraHint(%q, %q) = %q, want %q", c.msg, c.hint, got, c.want)
		}
	}
}
