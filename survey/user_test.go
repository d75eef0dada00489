package survey

import (
	"errors"
	"testing"
	"time"
)

func TestValidateNewUser(t *testing.T) {
	tests := []struct {
		name   string
		u      User
		pw     string
		fields []string // fields with problems, in order
	}{
		{"ok", User{Email: " A@B.example ", Role: RoleViewer}, "ten chars!", nil},
		{"bad email", User{Email: "not an email", Role: RoleAdmin}, "long enough pw", []string{"email"}},
		{"display-name email", User{Email: "Sara <s@b.example>", Role: RoleAdmin}, "long enough pw", []string{"email"}},
		{"bad role", User{Email: "a@b.example", Role: "boss"}, "long enough pw", []string{"role"}},
		{"bad lang", User{Email: "a@b.example", Role: RoleAdmin, Lang: "de"}, "long enough pw", []string{"lang"}},
		{"short password", User{Email: "a@b.example", Role: RoleAdmin}, "short", []string{"password"}},
		{"too long for bcrypt", User{Email: "a@b.example", Role: RoleAdmin}, string(make([]byte, 73)), []string{"password"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateNewUser(&tt.u, tt.pw)
			var ve *ValidationError
			if tt.fields == nil {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				if tt.u.Email != "a@b.example" || tt.u.Lang != "en" {
					t.Errorf("normalised to %q, lang %q", tt.u.Email, tt.u.Lang)
				}
				return
			}
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want a ValidationError", err)
			}
			for i, f := range tt.fields {
				if i >= len(ve.Problems) || ve.Problems[i].Field != f {
					t.Errorf("problems %v, want fields %v", ve.Problems, tt.fields)
				}
			}
		})
	}
}

func TestSessionExpired(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	s := Session{CreatedAt: now.Add(-6 * 24 * time.Hour), LastSeenAt: now.Add(-time.Hour), ExpiresAt: now.Add(24 * time.Hour)}
	tests := []struct {
		name string
		at   time.Time
		idle time.Duration
		want bool
	}{
		{"fresh", now, 12 * time.Hour, false},
		{"idle too long", now, 30 * time.Minute, true},
		{"past absolute expiry though active", now.Add(25 * time.Hour), 0, true},
		{"at absolute expiry", now.Add(24 * time.Hour), 0, true},
	}
	for _, tt := range tests {
		if got := s.Expired(tt.at, tt.idle); got != tt.want {
			t.Errorf("%s: Expired = %v, want %v", tt.name, got, tt.want)
		}
	}
	if HashToken("a") == "a" || len(HashToken("a")) != 64 || HashToken("a") != HashToken("a") {
		t.Error("HashToken must be a stable SHA-256 hex digest")
	}
}

func TestProjectValidate(t *testing.T) {
	p := &Project{Name: "shop", Touchpoints: []string{" web ", "web", "", "in<store>"}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.Title != "shop" || len(p.Stages) != 6 || len(p.Touchpoints) != 2 || p.Touchpoints[1] != "instore" {
		t.Errorf("cleaned project: %+v", p)
	}
	for _, name := range []string{"", "has space", "-dash", string(make([]rune, 101))} {
		if err := (&Project{Name: name}).Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("name %q accepted", name)
		}
	}
	if err := (&Project{Name: "فروشگاه"}).Validate(); err != nil {
		t.Errorf("Persian name refused: %v", err)
	}
	many := make([]string, MaxTouchpoints+1)
	for i := range many {
		many[i] = string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	if err := (&Project{Name: "x", Touchpoints: many}).Validate(); !errors.Is(err, ErrInvalid) {
		t.Error("too many touchpoints accepted")
	}
}

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		name, pw string
		ok       bool
	}{
		{"ten letters", "abcdefghij", true},
		{"ten Persian letters (20 bytes)", "گذرواژهٔمن", true},
		{"nine Persian letters (18 bytes, over 10 bytes)", "گذرواژهٔم", false},
		{"twelve identical characters", "aaaaaaaaaaaa", false},
		{"identical Persian characters", "سسسسسسسسسسسس", false},
		{"ten spaces", "          ", false},
		{"tabs and spaces", " \t \t \t \t \t ", false},
		{"the email itself", "Sara@Example.com", false},
		{"73 bytes", string(make([]byte, 37)) + "گگگگگگگگگگگگگگگگگگ", false},
		{"spaces inside are fine", "correct horse battery", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidatePassword("sara@example.com", tt.pw)
			if (err == nil) != tt.ok {
				t.Fatalf("ValidatePassword(%q) = %v, want ok=%v", tt.pw, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("err %v is not ErrInvalid", err)
			}
		})
	}
}
