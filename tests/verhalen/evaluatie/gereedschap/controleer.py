# Eén kopie voor de ontwikkel- en toetssets die schrijvers zonder toegang tot de code maakten
# (de eerste set in evaluatie/ zelf, ontwikkel_2, _3, _4, _5, toets_2): de schrijvers gebruikten elk dit script in hun
# eigen map; hier leest het de map van een set (notities bovenaan, bron/ voor de opmaak):
#   python tests/verhalen/evaluatie/gereedschap/controleer.py tests/verhalen/evaluatie/ontwikkel_3
# Controle van de annotaties: tekst==text[start:end], geen overlap, 11-proef BSN, mod-97 IBAN,
# geen titel in PERSOON-span, en een zoektocht naar ongemarkeerde e-mail/IBAN/postcode/telefoon/BSN/datum-patronen.
import json,glob,re,os,sys
D=os.path.abspath(sys.argv[1])
KINDS={'PERSOON','ADRES','POSTCODE','TELEFOON','EMAIL','BSN','IBAN','DATUM','LEEFTIJD','ORGANISATIE','DECOY'}
def bsn_ok(s):
    d=[int(c) for c in re.sub(r'\D','',s)]
    return len(d)==9 and (sum((9-i)*d[i] for i in range(8))-d[8])%11==0
def iban_ok(s):
    s=s.replace(' ','')
    r=s[4:]+s[:4]; return int(''.join(str(int(c,36)) for c in r))%97==1
errs=0;warn=0
MONTHS='januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december'
scans={'EMAIL':r'[\w.+-]+@[\w-]+(\.[\w-]+)+','IBAN':r'NL\d\d ?[A-Z]{4}[\d ]{10,14}','POSTCODE':r'\b\d{4} ?[A-Z]{2}\b',
 'TELEFOON':r'(\+31|\b0)[\d\s()\-]{8,16}\d','BSN':r'\b\d{9}\b','DATUM':r'\b\d{1,2}[-/]\d{1,2}([-/]\d{2,4})?\b|\b\d{1,2} ('+MONTHS+r')\b'}
for jf in sorted(f for f in glob.glob(D+'/*.json') if re.fullmatch(r'n?\d{2,3}\.json', os.path.basename(f))):
    tf=jf[:-5]+'.txt'
    text=open(tf,encoding='utf-8',newline='').read()
    a=json.load(open(jf,encoding='utf-8'))
    sp=sorted(a['spans'],key=lambda s:s['start'])
    prev=-1
    for s in sp:
        if s['soort'] not in KINDS: print(jf,'kind',s);errs+=1
        if text[s['start']:s['end']]!=s['tekst']: print(jf,'mismatch',s);errs+=1
        if s['start']<prev: print(jf,'overlap',s);errs+=1
        prev=s['end']
        t=s['tekst']
        if t!=t.strip() or t[-1] in '.,;:)(' and s['soort']!='PERSOON' or t[0] in '(,': print(jf,'edge',repr(t));warn+=1
        if s['soort']=='BSN' and not bsn_ok(t): print(jf,'BSN fail',t);errs+=1
        if s['soort']=='IBAN' and not iban_ok(t): print(jf,'IBAN fail',t);errs+=1
        if s['soort']=='PERSOON' and re.match(r'(?i)(mevr|mw|dhr|meneer|mevrouw|de heer|dr|juf)\b',t): print(jf,'title in span',t);errs+=1
    # scan for unannotated patterns
    for k,p in scans.items():
        for m in re.finditer(p,text):
            if not any(s['start']<m.end() and m.start()<s['end'] for s in sp):
                print(os.path.basename(tf),'UNANNOTATED?',k,repr(m.group(0)));warn+=1
print('errors',errs,'warnings',warn)
