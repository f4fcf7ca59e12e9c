"""Every colour histkit draws or writes, by name: the one place to change one.

The data colours are the Okabe & Ito (2008) "Color Universal Design" palette, which stays distinct
for colour-blind readers; the rest are greys for text and lines, tints behind feedback and badges,
and a few shades the lessons need. No module writes a colour code of its own (tests/test_words.py
checks). Plain strings, no imports: HTML-only modules use them without loading matplotlib.
"""

# Okabe & Ito (2008): the colours that carry data
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
SKY, PURPLE, YELLOW, BLACK = "#56B4E9", "#CC79A7", "#F0E442", "#000000"
PALETTE = [BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK]

# Lighter and darker shades of those, where a chart needs steps of one colour
BLUE_PALE, BLUE_LIGHT, BLUE_MID = "#9CC7E4", "#9CCBEA", "#4A9BD1"
RIVER = "#2B7BB9"  # rivers on the Turksib map
# Text colours dark enough to read (WCAG AA, 4.5:1; tests/test_chart_contrast.py): vermillion text on white
# (5.5:1, where VERMILLION is 3.9:1) and river names on the map's land (5.6:1, where RIVER is 4.0:1)
VERMILLION_TEXT, RIVER_TEXT = "#B34700", "#1F6399"
FOCUS = BLUE  # the keyboard-focus outline around a control: 5.0:1 on white (a focus indicator needs 3:1)
PURPLE_DARK = "#8E4A7A"  # a darker purple, for white digits on it
ORANGE_PALE = "#F3C76A"
GOLD = "#FFD23F"  # the star where the two parts of Turksib met
BROWN = "#8A4B00"  # the note that a finding uses general knowledge

# Greys: text from darkest to lightest, then lines and backgrounds
INK, CHARCOAL, DARK_GREY, TEXT_GREY, MID_GREY = "#111111", "#222222", "#333333", "#444444", "#555555"
GREY, STONE, RULE_GREY = "#6E6E6E", "#777777", "#999999"  # RULE_GREY: lines to write on in printed self-checks
SILVER, LIGHT_GREY, FAINT = "#CCCCCC", "#DDDDDD", "#EEEEEE"
PAPER, SNOW, CARD = "#F2F2F2", "#F7F7F7", "#FAFAFA"

# Maps: land and borders
LAND, BORDER = "#F3F0E8", "#A39E93"

# Tints behind self-check feedback (right, not yet, open answer) and finding verdicts
RIGHT_TINT, WRONG_TINT, INFO_TINT = "#E8F5EE", "#FDECEA", "#EEF4FA"
PROBLEM_TINT, UNCLEAR_TINT, HOLDS_TINT, STANDPOINT_TINT = "#FBE3D6", "#FCEFD0", "#D9F0E6", "#DCEAF6"
