# tel.py – telt notities per register en spans per soort in notities/
import json, glob, collections, os
D = os.path.dirname(os.path.abspath(__file__))
reg = collections.Counter(); soort = collections.Counter(); n = 0; tekens = 0
for jf in sorted(glob.glob(D + '/notities/n*.json')):
    a = json.load(open(jf, encoding='utf-8')); n += 1
    reg[a['register']] += 1
    tekens += len(open(jf[:-5] + '.txt', encoding='utf-8').read())
    for s in a['spans']: soort[s['soort']] += 1
print('notities', n, 'tekens', tekens)
for k, v in reg.most_common(): print(f'  {k:14s} {v}')
print('spans', sum(soort.values()))
for k, v in soort.most_common(): print(f'  {k:14s} {v}')
