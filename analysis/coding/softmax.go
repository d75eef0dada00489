package coding

import (
	"math"
	"math/rand/v2"
)

// softmax is a multinomial logistic regression over sparse vectors with
// an L2 penalty, trained by stochastic gradient descent with AdaGrad step
// sizes. Weights are laid out feature-major (w[f*k+c]) so one example
// touches a few contiguous rows.
type softmax struct {
	k    int
	w    []float32 // features x classes
	bias []float32
}

// trainOptions are the knobs of one training run.
type trainOptions struct {
	lambda float64 // L2 penalty per example (sum-of-losses objective / n)
	epochs int
	rate   float64
	seed   uint64
}

// trainSoftmax fits weights to xs with target distributions ys (one row
// per example, summing to 1 over the k classes).
func trainSoftmax(xs []sparse, ys [][]float32, dims, k int, opt trainOptions) *softmax {
	m := &softmax{k: k, w: make([]float32, dims*k), bias: make([]float32, k)}
	// AdaGrad with one accumulator per feature (and one for the biases),
	// not per weight: per-weight step sizes would blow the tiny gradients
	// of the many unlikely codes up to the size of the likely one's.
	g2 := make([]float32, dims)
	var b2 float32
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.seed, 0x5afa7))
	p := make([]float64, k)
	grad := make([]float32, k)
	const eps = 1e-8
	rate := float32(opt.rate)
	lam := float32(opt.lambda)
	for epoch := 0; epoch < opt.epochs; epoch++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			x := xs[i]
			m.probs(x, p)
			for c := 0; c < k; c++ {
				grad[c] = float32(p[c]) - ys[i][c]
			}
			var ss float32
			for c := 0; c < k; c++ {
				ss += grad[c] * grad[c]
			}
			b2 += ss
			step := rate / (float32(math.Sqrt(float64(b2))) + eps)
			for c := 0; c < k; c++ {
				m.bias[c] -= step * grad[c]
			}
			for j, f := range x.idx {
				xv := x.val[j]
				row := m.w[int(f)*k : int(f)*k+k]
				var ss float32
				for c, w := range row {
					g := grad[c]*xv + lam*w
					ss += g * g
				}
				g2[f] += ss
				step := rate / (float32(math.Sqrt(float64(g2[f]))) + eps)
				for c, w := range row {
					row[c] -= step * (grad[c]*xv + lam*w)
				}
			}
		}
	}
	return m
}

// probs writes the class probabilities of x into p.
func (m *softmax) probs(x sparse, p []float64) {
	k := m.k
	for c := 0; c < k; c++ {
		p[c] = float64(m.bias[c])
	}
	for j, f := range x.idx {
		xv := float64(x.val[j])
		row := m.w[int(f)*k : int(f)*k+k]
		for c, w := range row {
			p[c] += float64(w) * xv
		}
	}
	mx := math.Inf(-1)
	for _, v := range p {
		mx = max(mx, v)
	}
	var sum float64
	for c := range p {
		p[c] = math.Exp(p[c] - mx)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
}
