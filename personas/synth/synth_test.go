package synth

import (
	"math"
	"reflect"
	"testing"
)

func TestSampleDeterministic(t *testing.T) {
	s := Example()
	a, err := s.Sample(500)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Sample(500)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same spec and seed gave different samples")
	}
	s.Seed = 2
	c, _ := s.Sample(500)
	if reflect.DeepEqual(a.Rows, c.Rows) {
		t.Fatal("different seeds gave identical samples")
	}
}

func TestSampleShapes(t *testing.T) {
	s := Example()
	s.Noise = 0
	d, err := s.Sample(20000)
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]int, len(s.Classes))
	missing := 0
	for i, r := range d.Rows {
		counts[d.Class[i]]++
		for j, v := range r {
			switch x := v.(type) {
			case nil:
				missing++
				if s.Items[j].Missing == 0 {
					t.Fatalf("row %d: item %s missing but has no missing rate", i, s.Items[j].Name)
				}
			case string:
				if s.Items[j].Kind == Numeric {
					t.Fatalf("numeric item %s gave string %q", s.Items[j].Name, x)
				}
			case float64:
				if s.Items[j].Kind != Numeric {
					t.Fatalf("categorical item %s gave number", s.Items[j].Name)
				}
			}
		}
	}
	for c, cl := range s.Classes {
		got := float64(counts[c]) / 20000
		if math.Abs(got-cl.Weight) > 0.02 {
			t.Errorf("class %s share %.3f, want %.2f", cl.Name, got, cl.Weight)
		}
	}
	if missing == 0 {
		t.Error("no missing values generated")
	}
	// Class 0 (bargain hunters) mostly pick Instagram.
	insta, n := 0, 0
	for i, r := range d.Rows {
		if d.Class[i] == 0 {
			n++
			if r[2] == "Instagram" {
				insta++
			}
		}
	}
	if share := float64(insta) / float64(n); math.Abs(share-0.7) > 0.03 {
		t.Errorf("Instagram share in class 0 = %.3f, want ~0.70", share)
	}
	if got := d.Strings(); len(got) != 20001 || got[0][0] != "age_group" {
		t.Errorf("Strings header/len wrong: %v %d", got[0], len(got))
	}
}

func TestValidate(t *testing.T) {
	cases := map[string]func(*Spec){
		"no items":      func(s *Spec) { s.Items = nil },
		"bad noise":     func(s *Spec) { s.Noise = 2 },
		"bad probs len": func(s *Spec) { s.Classes[0].Probs["gender"] = []float64{1} },
		"unknown item":  func(s *Spec) { s.Classes[0].Probs["nope"] = []float64{1, 2} },
		"no numeric":    func(s *Spec) { delete(s.Classes[1].Numbers, "monthly_spend") },
	}
	for name, mut := range cases {
		t.Run(name, func(t *testing.T) {
			s := Example()
			mut(&s)
			if _, err := s.Sample(10); err == nil {
				t.Fatal("want error")
			}
		})
	}
}

func TestRandom(t *testing.T) {
	s := Random(30, 5, 0.5, 7)
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	d, err := s.Sample(100)
	if err != nil || len(d.Rows) != 100 || len(d.Columns) != 30 {
		t.Fatalf("err=%v rows=%d", err, len(d.Rows))
	}
}
