# Eén kopie voor de ontwikkel- en toetssets die schrijvers zonder toegang tot de code maakten
# (de eerste set in evaluatie/ zelf, ontwikkel_2, _3, _4, _5, toets_2): de schrijvers gebruikten elk dit script in hun
# eigen map; hier leest het de map van een set (notities bovenaan, bron/ voor de opmaak):
#   python tests/verhalen/evaluatie/gereedschap/tel.py tests/verhalen/evaluatie/ontwikkel_3
# tel.py – telt notities per register en spans per soort in notities/
import json, glob, collections, os, re, sys
D = os.path.abspath(sys.argv[1])
reg = collections.Counter(); soort = collections.Counter(); n = 0; tekens = 0
for jf in sorted(f for f in glob.glob(D + '/*.json') if re.fullmatch(r'n?\d{2,3}\.json', os.path.basename(f))):
    a = json.load(open(jf, encoding='utf-8')); n += 1
    reg[a['register']] += 1
    tekens += len(open(jf[:-5] + '.txt', encoding='utf-8').read())
    for s in a['spans']: soort[s['soort']] += 1
print('notities', n, 'tekens', tekens)
for k, v in reg.most_common(): print(f'  {k:14s} {v}')
print('spans', sum(soort.values()))
for k, v in soort.most_common(): print(f'  {k:14s} {v}')
