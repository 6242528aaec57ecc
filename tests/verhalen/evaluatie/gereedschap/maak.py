# Eén kopie voor de ontwikkel- en toetssets die schrijvers zonder toegang tot de code maakten
# (ontwikkel_2, _3, _4, _5, toets_2): de schrijvers gebruikten elk dit script in hun
# eigen map; hier leest het de map van een set (notities bovenaan, bron/ voor de opmaak):
#   python tests/verhalen/evaluatie/gereedschap/maak.py tests/verhalen/evaluatie/ontwikkel_3
# maak.py – zet inline-opmaak in bron/nNN.txt om naar notities/nNN.txt + nNN.json
# Opmaak: {K:tekst}; eerste regel van bron: "#register: <naam>".
import json, glob, os, re, sys
D = os.path.abspath(sys.argv[1])
K = {'P':'PERSOON','A':'ADRES','Z':'POSTCODE','T':'TELEFOON','E':'EMAIL','B':'BSN',
     'I':'IBAN','D':'DATUM','L':'LEEFTIJD','O':'ORGANISATIE','X':'DECOY'}
REG = {'formeel','informeel','telefoon','email','whatsapp','clientverhaal','wijkverhaal','msc'}
TAG = re.compile(r'\{([A-Z]):([^{}]+)\}')
def verwerk(pad):
    raw = open(pad, encoding='utf-8').read()
    kop, rest = raw.split('\n', 1)
    m = re.match(r'#register:\s*(\w+)\s*$', kop)
    assert m and m.group(1) in REG, (pad, kop)
    out, spans, pos = [], [], 0
    cur = 0
    for t in TAG.finditer(rest):
        out.append(rest[pos:t.start()]); cur += t.start() - pos
        k, s = t.group(1), t.group(2)
        assert k in K, (pad, t.group(0))
        assert s == s.strip(), (pad, 'spatie in span', s)
        spans.append({'start': cur, 'end': cur + len(s), 'soort': K[k], 'tekst': s})
        out.append(s); cur += len(s); pos = t.end()
    out.append(rest[pos:])
    text = ''.join(out)
    assert '{' not in text and '}' not in text, (pad, 'losse accolade')
    if not text.endswith('\n'): text += '\n'
    for s in spans: assert text[s['start']:s['end']] == s['tekst']
    naam = os.path.basename(pad)[:-4]
    with open(f'{D}/{naam}.txt', 'w', encoding='utf-8', newline='\n') as f: f.write(text)
    with open(f'{D}/{naam}.json', 'w', encoding='utf-8') as f:
        json.dump({'register': m.group(1), 'spans': spans}, f, ensure_ascii=False, indent=1)
    return naam, len(spans)
if __name__ == '__main__':
    os.makedirs(D, exist_ok=True)
    paden = sys.argv[2:] or sorted(glob.glob(D + '/bron/n*.txt'))
    for p in paden: print(*verwerk(p))
