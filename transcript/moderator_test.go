package transcript

import "testing"

func TestGuessModerator(t *testing.T) {
	tests := []struct {
		name, in, want, reason string
	}{
		{"english role", "Ali: hi\nModerator: welcome\nSara: hello", "Moderator", "name"},
		{"role in parens", "Sara (Interviewer): ok\nAli: hi", "Sara (Interviewer)", "name"},
		{"persian role zwnj", "علی: سلام\nمصاحبه‌گر: خوش آمدید", "مصاحبه‌گر", "name"},
		{"persian role with space and arabic yeh", "مصاحبه گر: سلام\nرضا: سلام", "مصاحبه گر", "name"},
		{"persian facilitator", "تسهیل‌گر: شروع کنیم\nنگار: باشه", "تسهیل‌گر", "name"},
		{"persian facilitator no zwnj", "تسهیلگر: شروع کنیم\nنگار: باشه", "تسهیلگر", "name"},
		{"Q and A", "Q: why?\nA: price", "Q", "name"},
		{"most questions", "Sara: Where do you shop?\nAli: Online.\nSara: Why?\nAli: Cheaper. Is that odd?\nSara: And delivery?", "Sara", "questions"},
		{"persian question mark", "نگار: کجا؟\nرضا: خانه\nنگار: چرا؟\nرضا: ارزان است", "نگار", "questions"},
		{"tie gives no guess", "A: why?\nB: how?\nA: what?\nB: when?", "", ""},
		{"one question is not enough", "A: why?\nB: because", "", ""},
		{"single speaker", "A: why?\nA: how?", "", ""},
		{"host is a word not a substring", "Ghostly: why?\nBob: ok\nGhostly: how?", "Ghostly", "questions"},
		{"interviewee asks back", "Sara: How was the delivery?\nAli: Late. Do you know why?\nSara: Not yet. Was it the first time?\n" +
			"Ali: No. Would you wait two weeks?\nSara: What did you do then?\nAli: I cancelled.", "Sara", "questions"},
		// A chair opens and calls the members; the members question the
		// minister, one member more than anyone, the chair hardly at all.
		{"committee hearing", "Gwen Jones: Good morning. Welcome to the committee. The first questions come from Alun Bell.\n" +
			"Alun Bell: How many places are funded? Why so few? Is the rate too low?\nMinister Price: About a thousand, and the rate is under review.\n" +
			"Alun Bell: When will the review end?\nMinister Price: In the spring.\nAlun Bell: Will providers be asked?\nMinister Price: Yes, all of them.\n" +
			"Gwen Jones: Thank you. Carys Dee.\nCarys Dee: What about rural areas?\nMinister Price: They get a higher rate.\n" +
			"Gwen Jones: Thank you, Minister. Dafydd Ellis.\nDafydd Ellis: Are the staff trained?\nMinister Price: Most are.\n" +
			"Gwen Jones: And the last question, Alun.\nAlun Bell: Is the money enough?\nMinister Price: It is what we have.\n" +
			"Gwen Jones: We will move on. Thank you all for your evidence.", "Gwen Jones", "turn-taking"},
		{"focus group", "Nina: Welcome, thanks for coming. Let us go round the table: tell us about your last order. Omid first.\n" +
			"Omid: It came two days late.\nNina: Thanks. Parisa, you next.\nParisa: The box was crushed. Was that the courier?\n" +
			"Nina: We will come to that. Reza, your turn.\nReza: I could not reach support. Why is there no phone number?\n" +
			"Nina: Noted. Leila, please.\nLeila: Mine was fine, but the price went up. Did yours?\nOmid: Mine too.\n" +
			"Nina: Thank you all.", "Nina", "turn-taking"},
		{"design meeting", "Project Manager: Okay, let us start. This is the functional design meeting. First the marketing report.\n" +
			"Marketing: Users find remotes ugly and lose them. Can we make it findable?\nProject Manager: Good point. Now the interface.\n" +
			"User Interface: Fewer buttons, a scroll wheel. Is a screen too expensive?\nProject Manager: We will see. Industrial design, please.\n" +
			"Industrial Designer: A rubber case and a kinetic battery. Is that within budget?\nMarketing: Users like rubber.\n" +
			"Project Manager: Then we decide next time. Thanks, everyone.", "Project Manager", "turn-taking"},
		// In a free discussion the opener does not hand the floor around
		// more than anyone else: the guess falls back on questions.
		{"free discussion", "A: I think the app is slow.\nB: For me too. Why is that?\nC: The servers?\nA: Or the phone.\nD: Has anyone tried the web?\n" +
			"B: Yes, faster. Is it the app?\nA: Could be.\nC: The web is fine.\nB: So is it the app?\nD: Maybe.", "B", "questions"},
		// Everyone is followed by three others; the opener's three turns are
		// not clearly more spread than the manager's five.
		{"a quiet opener", "Designer: Shall I start?\nManager: Yes. What did you find?\nMarketing: Remotes get lost.\nInterface: And buttons confuse.\n" +
			"Manager: So, findable and simple. Agreed?\nDesigner: Agreed.\nMarketing: A beeper then.\nManager: Fine.\nInterface: Big buttons.\n" +
			"Marketing: Yes.\nManager: Okay.\nDesigner: Rubber case.\nInterface: Good.\nManager: Done.", "Manager", "questions"},
		{"a participant opens", "Omid: Hello.\nNina: Welcome. Omid, how was your order?\nOmid: Late.\nNina: Parisa, and yours?\n" +
			"Parisa: Crushed.\nNina: Reza?\nReza: Fine.", "Nina", "questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := mustParse(t, "a.txt", []byte(tt.in), Options{})
			if tr.SuggestedModerator != tt.want || tr.ModeratorReason != tt.reason {
				t.Errorf("moderator = %q (%q), want %q (%q)", tr.SuggestedModerator, tr.ModeratorReason, tt.want, tt.reason)
			}
		})
	}
}
