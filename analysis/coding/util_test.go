package coding

import (
	"slices"
)

func slicesSort(s []string)            { slices.Sort(s) }
func indexOf(s []string, v string) int { return slices.Index(s, v) }
