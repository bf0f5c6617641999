import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Formal given name → nicknames and spelling or transliteration variants. A variant maps to
 * its formal name before comparison, so Bob and Robert compare as equal.
 */
const VARIANTS: Record<string, string> = {
  ABIGAIL: 'ABBY ABBIE GAIL',
  ALBERT: 'AL BERT BERTIE',
  ALEXANDER: 'ALEX ALEC ALEK ALEKSANDR ALEKSANDER ALEKSANDAR ALEXANDR ALECK SANDY SASHA SASCHA XANDER',
  ALEXANDRA: 'ALEXA ALEKSANDRA ALEXANDRIA SANDRA SANDY LEXI LEXIE',
  ALFRED: 'ALF ALFIE FRED FREDDIE',
  ALLISON: 'ALLIE ALISON ALLYSON',
  ANDREW: 'ANDY DREW ANDRZEJ ANDREI ANDREY ANDREAS ANDRE ANDRES',
  ANNA: 'ANN ANNE ANNIE ANYA ANIA ANNETTE HANNA HANNAH',
  ANTHONY: 'TONY ANTONY ANTON ANTONIO ANTONI ANTOINE',
  ARTHUR: 'ART ARTIE ARTUR ARTURO',
  BARBARA: 'BARB BARBIE BABS',
  BENJAMIN: 'BEN BENNY BENJI BENJAMINE',
  BRADLEY: 'BRAD',
  CAROLINE: 'CAROL CAROLYN CARRIE CARRY KAROLINA CAROLINA',
  CATHERINE: 'CATH CATHY CATE KATE KATIE KATY KATHERINE KATHRYN KATHLEEN KATARZYNA KASIA KATHARINA KATRIN KATJA KAT EKATERINA YEKATERINA KATERINA',
  CHARLES: 'CHARLIE CHUCK CHAS CARL KARL CARLOS CARLO KAROL',
  CHRISTINE: 'CHRIS CHRISSY TINA KRISTINE KRYSTYNA CHRISTINA KRISTINA',
  CHRISTOPHER: 'CHRIS KIT TOPHER KRZYSZTOF CHRISTOPH KRISTOFER CHRISTOPHE CRISTOBAL',
  DANIEL: 'DAN DANNY DANIIL DANILO',
  DAVID: 'DAVE DAVY DAWID DAVIDE',
  DEBORAH: 'DEB DEBBIE DEBBY DEBRA',
  DOMINIC: 'DOM DOMINIK DOMENICO',
  DONALD: 'DON DONNIE',
  DOROTHY: 'DOT DOTTIE DOROTA DOROTHEA',
  DMITRY: 'DMITRI DMITRIJ DIMITRI DIMA',
  EDWARD: 'ED EDDIE EDDY TED TEDDY NED EDUARD EDUARDO',
  ELEANOR: 'ELLIE NELL NELLIE ELINOR ELENOR',
  ELIZABETH: 'LIZ LIZZIE LIZZY BETH BETTY BETSY ELIZA ELISE ELISABETH LISA LIZA ELSA ELSIE ELZBIETA ELISABETTA ISABEL ISABELLE ISABELLA BESS BESSIE',
  EMILY: 'EM EMMIE EMILIA EMILIE',
  EUGENE: 'GENE EVGENY YEVGENY EVGENI YEVGENIY',
  FRANCIS: 'FRANK FRANKIE FRAN FRANCISZEK FRANCISCO FRANCESCO FRANZ FRANCOIS PACO',
  FREDERICK: 'FRED FREDDIE FREDDY FRITZ FRIEDRICH FEDERICO FREDERIC FREDERIK FRYDERYK',
  GABRIEL: 'GABE GABI GAVRIIL',
  GEORGE: 'GEORGIE JORGE GEORG GIORGIO JERZY YURI YURIY GEORGI',
  GREGORY: 'GREG GREGOR GRZEGORZ GRIGORY',
  GUADALUPE: 'LUPE LUPITA',
  HELEN: 'HELENA ELENA YELENA ELLEN NELL LENA HELENE',
  HENRY: 'HANK HARRY HAL HENRI HEINRICH HENRYK ENRIQUE ENRICO',
  IVAN: 'IWAN VANYA JAN',
  JACOB: 'JAKE JAKUB JAKOB YAKOV JACOBO',
  JAMES: 'JIM JIMMY JIMMIE JAMIE JAIME DIEGO SEAMUS',
  JANET: 'JAN JANETTE JANETTA',
  JENNIFER: 'JEN JENNY JENNI JENNIE',
  JESSICA: 'JESS JESSIE JESSI',
  JOHN: 'JACK JOHNNY JOHNNIE JON JOHANN JOHANNES JOHAN JUAN GIOVANNI JEAN IAN SEAN SHAWN EVAN IOAN JANEK',
  JONATHAN: 'JON JONNY JONATHON',
  JOSEPH: 'JOE JOEY JOS JOZEF JOZEK JOSEF JOSE PEPE PEPITO GIUSEPPE BEPPE JOSEPHUS IOSIF',
  JOSEPHINE: 'JO JOSIE JOSEFINA JOZEFINA',
  JOSHUA: 'JOSH',
  JUDITH: 'JUDY JUDE',
  JULIA: 'JULIE JULIANA JULIANNE YULIA IULIA',
  KENNETH: 'KEN KENNY',
  LAWRENCE: 'LARRY LAURENCE LORENZO LAURENT LORENZ',
  LEONARD: 'LEN LENNY LEO LEON LEONARDO',
  LOUISE: 'LOU LOUISA LUISA LUISE',
  MARGARET: 'MAGGIE MAG MEG MEGAN PEGGY PEG MADGE MARGE MARGIE GRETA GRETCHEN MARGARETHE MARGHERITA MALGORZATA MARGARITA MARGOT RITA DAISY',
  MARIA: 'MARY MARIE MARIJA MARYA MARIYA MARIANNE MARIAN MOLLY POLLY MAMIE MIA MARICA MASHA MARYSIA',
  MATTHEW: 'MATT MATTY MATEUSZ MATTHIAS MATHIAS MATTEO MATEO MATVEY MATHIEU',
  MICHAEL: 'MIKE MICKY MICKEY MICK MICHAL MICHEL MIGUEL MICHELE MIKHAIL MIKOLAJ MISHA MICHIEL',
  NATHANIEL: 'NATE NAT NATHAN NATHANAEL',
  NATALIE: 'NAT NATALIA NATALYA NATALIYA NATASHA NATHALIE',
  NICHOLAS: 'NICK NICKY NIK NICO NIKOLAI NIKOLAY MIKOLAJ NICOLAS NICOLA NIKLAS KLAUS CLAUS NICOLO',
  OLIVER: 'OLLIE OLIWER OLIVIER',
  PATRICIA: 'PAT PATTY PATSY TRICIA TRISH PATRYCJA',
  PATRICK: 'PAT PADDY PATRYK PATRICIO',
  PAUL: 'PAWEL PAULO PABLO PAOLO PAVEL',
  PETER: 'PETE PIOTR PIETRO PEDRO PIERRE PYOTR PETR',
  PHILIP: 'PHIL PHILLIP FILIP FELIPE FILIPPO PHILIPP PHILIPPE',
  RACHEL: 'RACHAEL RAQUEL',
  RAYMOND: 'RAY RAIMUND RAMON',
  REBECCA: 'BECKY BECCA REBEKAH',
  RICHARD: 'RICK RICKY DICK RICH RICHIE RICARDO RICCARDO RYSZARD RICHIE',
  ROBERT: 'BOB BOBBY BOBBIE ROB ROBBIE ROBIN BERT ROBERTO RUPERT',
  RONALD: 'RON RONNIE RONNY',
  SAMANTHA: 'SAM SAMMY',
  SAMUEL: 'SAM SAMMY SAMUELE',
  SARAH: 'SARA SALLY SADIE',
  SERGEY: 'SERGEI SERGIY SERGIO SERGE SERGIUSZ',
  STANLEY: 'STAN STANISLAW STANISLAV',
  STEPHANIE: 'STEPH STEFANIE STEFANIA',
  STEPHEN: 'STEVE STEVIE STEVEN STEFAN STEPHAN STEFANO ESTEBAN STEPAN',
  SUSAN: 'SUE SUSIE SUZY SUZANNE SUSANNE SUSANNA ZUZANNA',
  TERESA: 'TERRY TESS TESSA THERESA TERESE TERESITA',
  THOMAS: 'TOM TOMMY TOMASZ TOMAS TOMMASO THOM',
  TIMOTHY: 'TIM TIMMY TYMOTEUSZ',
  VALENTINA: 'VALYA VALENTINE',
  VICTOR: 'VIC VIKTOR WIKTOR VITTORIO',
  VICTORIA: 'VICKY VICKI TORI WIKTORIA VIKTORIA',
  VINCENT: 'VINCE VINNY WINCENTY VINCENZO VICENTE',
  VLADIMIR: 'VLAD VOLODYMYR WLODZIMIERZ VOVA',
  WILLIAM: 'BILL BILLY WILL WILLY WILLIE LIAM WILHELM GUILLERMO GUGLIELMO GUILLAUME WILLEM',
  YURI: 'YURIY IURII JURIJ',
  ZACHARY: 'ZACH ZACK ZAC ZACHARIAH',
  MOHAMMED: 'MOHAMMAD MUHAMMAD MUHAMMED MOHAMED MOHAMAD MOHAMMEDI MUHAMAD MEHMET',
  AHMED: 'AHMAD AHMET',
  YUSUF: 'YOUSEF YOUSSEF YOSEF JOSEF',
  ALI: 'ALY',
  OLGA: 'OLIA OLYA',
  TATIANA: 'TATYANA TANYA TATJANA',
  SVETLANA: 'SVETA',
  ANASTASIA: 'NASTYA STACY STACEY ANASTAZJA',
};

/**
 * Diminutives the public English table lacks, counted as closely as its own (Bob for Robert, see
 * isDiminutiveOf): those of Spanish, German, French and Italian names (Manolo for Manuel, Lola for
 * Dolores, Uli for Ulrich, Pierrot for Pierre) and a few English ones (Liv for Olivia, Charlie for
 * Charlotte).
 */
const DIMINUTIVES: Record<string, string> = {
  MANUEL: 'MANOLO MANOLITO MANU',
  EMMANUEL: 'MANU MANNY',
  FRANCISCO: 'PACO PANCHO PAQUITO CURRO',
  JOSE: 'PEPE PEPITO CHEPE',
  DOLORES: 'LOLA LOLITA',
  CONCEPCION: 'CONCHA CONCHITA',
  ROSARIO: 'CHARO',
  IGNACIO: 'NACHO',
  JESUS: 'CHUY CHUCHO CHUS',
  ENRIQUE: 'QUIQUE KIKE',
  EDUARDO: 'LALO',
  GUILLERMO: 'MEMO',
  ALEJANDRO: 'ALEX ALE',
  ANTONIO: 'TONO TONI',
  FERNANDO: 'NANDO FER',
  RAFAEL: 'RAFA RAFI',
  SANTIAGO: 'SANTI',
  MERCEDES: 'MERCHE',
  PILAR: 'PILI',
  CONSUELO: 'CHELO',
  ADOLFO: 'FITO',
  GUSTAVO: 'TAVO',
  JAVIER: 'JAVI',
  ALBERTO: 'BETO',
  ROBERTO: 'BETO',
  TERESA: 'TERE',
  JOHANNES: 'HANS HANNES',
  JOSEF: 'SEPP SEPPI',
  ELISABETH: 'ELLI LIESL LIESEL ELSBETH',
  MARGARETE: 'GRETE GRETEL',
  STEFANIE: 'STEFFI',
  KATHARINA: 'KATHI',
  SUSANNE: 'SANNE',
  THERESIA: 'RESI',
  FRANZISKA: 'FRANZI',
  WOLFGANG: 'WOLF WOLFI',
  ULRICH: 'ULI',
  MAXIMILIAN: 'MAX MAXI',
  WILHELM: 'WILLI',
  HEINRICH: 'HEINZ HEINI',
  BERNHARD: 'BERND',
  SEBASTIAN: 'SEB BASTI',
  JEAN: 'JEANNOT',
  PIERRE: 'PIERROT',
  GIOVANNI: 'GIANNI',
  ALESSANDRO: 'SANDRO',
  CHARLOTTE: 'CHARLIE LOTTIE LOTTE',
  OLIVIA: 'LIV LIVVY',
};

/**
 * The public English nickname table (data/README.md) after the table above, whose formal names
 * therefore come first: MANDY → AMANDA, LOTTIE → CHARLOTTE. Its rows that give a nickname a
 * nickname (BOB → ROB, even BOB → ROBERT) are left out, so a nickname never becomes a formal name.
 */
function publicNicknames(): Array<[string, string]> {
  const rows = readFileSync(join(__dirname, 'data', 'nicknames.csv'), 'utf8').split(/\r?\n/).slice(1);
  const pairs = rows.flatMap((row) => {
    const [formal, relationship, nickname] = row.trim().toUpperCase().split(',');
    return relationship === 'HAS_NICKNAME' && formal && nickname ? [[formal, nickname] as [string, string]] : [];
  });
  const nicknames = new Set([...pairs.map(([, nickname]) => nickname), ...Object.values(VARIANTS).flatMap((variants) => variants.split(' '))]);
  return pairs.filter(([formal]) => !nicknames.has(formal) || formal in VARIANTS);
}

/** Nickname → the formal names the public English table and DIMINUTIVES give it: their diminutives (Becca, Sue, Peggy, Manolo). */
const PUBLIC_FORMALS_BY_NICKNAME = new Map<string, string[]>();
const PUBLIC_NICKNAMES = [
  ...publicNicknames(),
  ...Object.entries(DIMINUTIVES).flatMap(([formal, nicknames]) => nicknames.split(' ').map((nickname) => [formal, nickname] as [string, string])),
];
for (const [formal, nickname] of PUBLIC_NICKNAMES) PUBLIC_FORMALS_BY_NICKNAME.set(nickname, [...(PUBLIC_FORMALS_BY_NICKNAME.get(nickname) ?? []), formal]);

/**
 * True when one name is a diminutive of the other in the public English table or DIMINUTIVES (Becca
 * for Rebecca, Sue for Susan, Manolo for Manuel): a closer tie than a spelling or a translation (Katharina, Maria for Mary), which
 * names of other cultures share by chance far more often.
 */
export function isDiminutiveOf(a: string, b: string): boolean {
  return (PUBLIC_FORMALS_BY_NICKNAME.get(a)?.includes(b) ?? false) || (PUBLIC_FORMALS_BY_NICKNAME.get(b)?.includes(a) ?? false);
}

const FORMALS_BY_VARIANT = new Map<string, string[]>();
const VARIANTS_BY_FORMAL = new Map<string, string[]>();
const pairs: Array<[string, string]> = [
  ...Object.entries(VARIANTS).flatMap(([formal, variants]) => [formal, ...variants.split(' ')].map((name) => [formal, name] as [string, string])),
  ...PUBLIC_NICKNAMES.flatMap(([formal, nickname]) => [[formal, formal], [formal, nickname]] as Array<[string, string]>),
];
for (const [formal, name] of pairs) {
  const formals = FORMALS_BY_VARIANT.get(name) ?? [];
  if (!formals.includes(formal)) formals.push(formal);
  FORMALS_BY_VARIANT.set(name, formals);
  const variants = VARIANTS_BY_FORMAL.get(formal) ?? [];
  if (name !== formal && !variants.includes(name)) variants.push(name);
  VARIANTS_BY_FORMAL.set(formal, variants);
}

/** BOB → ROBERT; an unknown name is its own formal name. A shared nickname (JON) keeps its first formal name here. */
export function formalGivenName(token: string): string {
  return FORMALS_BY_VARIANT.get(token)?.[0] ?? token;
}

/** Every formal name a given name may stand for: JON → JOHN and JONATHAN. */
export function formalGivenNames(token: string): string[] {
  return FORMALS_BY_VARIANT.get(token) ?? [token];
}

/** True when two given names can name the same person (Jon ~ Jonathan, Bob ~ Robert, Pat ~ Patricia, Andreas ~ Andrew). */
export function givenNamesEquivalent(a: string, b: string): boolean {
  if (a === b || formalGivenName(a) === formalGivenName(b)) return true;
  // Two names in their own right (each with nicknames of its own) are two names, even where the
  // public table lists one as a nickname of the other (Peter for Patrick, Bill for Robert).
  if (VARIANTS_BY_FORMAL.has(a) && VARIANTS_BY_FORMAL.has(b)) return false;
  // Otherwise one must be a nickname of the other: Hannah and Susanne are both short for Susannah,
  // which makes them neither each other nor one person.
  return formalGivenNames(a).includes(b) || formalGivenNames(b).includes(a);
}

/** Nicknames and variants of a formal name (for generating realistic test data). */
export function variantsOf(formal: string): string[] {
  return VARIANTS_BY_FORMAL.get(formal) ?? [];
}
