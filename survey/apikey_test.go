package survey

import (
	"slices"
	"strings"
	"testing"
)

func TestValidateAPIKey(t *testing.T) {
	researcher := &User{ID: 1, Role: RoleResearcher}
	viewer := &User{ID: 2, Role: RoleViewer}
	tests := []struct {
		name       string
		key        APIKey
		user       *User
		wantField  string // "" when valid
		wantScopes []string
	}{
		{"read", APIKey{Name: " CRM ", Scopes: []string{"responses:read"}}, viewer, "", []string{"responses:read"}},
		{"both, repeated", APIKey{Name: "sync", Scopes: []string{"surveys:write", " responses:read", "surveys:write"}}, researcher, "", []string{"surveys:write", "responses:read"}},
		{"viewer cannot write", APIKey{Name: "x", Scopes: []string{"surveys:write"}}, viewer, "scopes", nil},
		{"unknown scope", APIKey{Name: "x", Scopes: []string{"admin"}}, researcher, "scopes", nil},
		{"no scope", APIKey{Name: "x"}, researcher, "scopes", nil},
		{"no name", APIKey{Name: "  ", Scopes: []string{"responses:read"}}, researcher, "name", nil},
		{"long name", APIKey{Name: strings.Repeat("n", 101), Scopes: []string{"responses:read"}}, researcher, "name", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := tt.key
			err := ValidateAPIKey(&k, tt.user)
			if tt.wantField == "" {
				if err != nil || !slices.Equal(k.Scopes, tt.wantScopes) || k.UserID != tt.user.ID || k.Name != strings.TrimSpace(tt.key.Name) {
					t.Fatalf("got %+v, %v; want scopes %v", k, err, tt.wantScopes)
				}
				return
			}
			ve, ok := err.(*ValidationError)
			if !ok || ve.ByField()[tt.wantField] == "" {
				t.Fatalf("got %v, want a problem with %s", err, tt.wantField)
			}
		})
	}
}

func TestNewAPIKeyIsRandomAndPrefixed(t *testing.T) {
	a, pa := NewAPIKey()
	b, _ := NewAPIKey()
	if a == b || !strings.HasPrefix(a, APIKeyPrefix) || len(a) != len(APIKeyPrefix)+43 || !strings.HasPrefix(a, pa) || len(pa) >= len(a)/2 {
		t.Fatalf("keys %q (prefix %q), %q", a, pa, b)
	}
}
