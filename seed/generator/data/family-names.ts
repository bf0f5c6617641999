import { Culture } from './cultures';

/** Family names per culture, most common first (Smith, Müller, García, Wang …). Masculine forms. */
export const FAMILY_NAMES: Record<Culture, string> = {
  english:
    "Smith Jones Williams Brown Taylor Johnson Davies Wilson Evans Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Clark Turner Hill Scott Cooper Morris Ward Moore King Watson Baker Harrison Morgan Young Allen Mitchell Anderson Miller Davis Wilkinson Bell Parker Bennett Murphy Kelly O'Neil O'Brien McDonald MacLeod Campbell Stewart Reid Murray Fitzgerald",
  german:
    'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel',
  french:
    'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin',
  spanish:
    'García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto',
  polish:
    'Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Wojciechowski Krawczyk Kaczmarek Piotrowski Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowakowski Majewski Olszewski Stępień Malinowski Jaworski Adamczyk Dudek',
  russian:
    'Ivanov Smirnov Kuznetsov Popov Vasilyev Petrov Sokolov Mikhaylov Novikov Fyodorov Morozov Volkov Alekseyev Lebedev Semyonov Yegorov Pavlov Kozlov Stepanov Nikolayev Orlov Andreyev Makarov Nikitin Zakharov Zaytsev Solovyov Borisov Yakovlev Grigoryev Romanov Vorobyov Sergeyev Kuzmin Frolov',
  indian:
    'Patel Sharma Singh Kumar Gupta Shah Reddy Rao Iyer Nair Mehta Joshi Desai Chopra Malhotra Kapoor Agarwal Verma Mishra Pandey Bose Das Chatterjee Banerjee Mukherjee Jain Pillai Menon Bhatt Chauhan Thakur Saxena Kulkarni Naidu Ghosh',
  chinese:
    'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du',
  arabic:
    'Hassan Ali Ahmed Mohamed Hussein Ibrahim Mahmoud Khalil Haddad Nasser Saleh Abdullah Mansour Khoury Farouk Aziz Rahman Hamdan Salem Qureshi Al-Sayed Al-Masri Al-Rashid Darwish Youssef Suleiman Jaber Awad Hamid Othman Khan Bakr Sabbagh Najjar Karam',
};

/**
 * Family names composed from parts, for the long tail a short list cannot give (Ashworth,
 * Steinberger, Kalinowski): `share` of each culture's people draw one of these instead.
 */
export const COMPOSED_FAMILY_NAMES: Partial<Record<Culture, { share: number; prefixes: string; suffixes: string }>> = {
  english: {
    share: 0.45,
    prefixes: 'Ash Black Brad Brook Bur Cald Chad Cran Dal Elling Fair Farn Green Hart Haw Hol Kings Lang Mar Mid Nor Oak Pen Red Ross Salt Shel Stan Sut Thorn Wad Wal West Whit Win Wood Brom Crom Hask Pem Hither Lock Mere',
    suffixes: 'ley ton ford field worth wood by ham well bridge man son hurst ridge stone more dale wick cott shaw burn combe',
  },
  german: {
    share: 0.4,
    prefixes: 'Achen Bach Berg Birken Blum Brand Eichen Engel Feld Fichten Grün Hagen Hasel Hein Hell Hirsch Holz Kirch Kolb Lauter Lieb Linden Mühl Neu Ober Ros Sand Schön Stein Tann Wald Weiden Wester Wies Wolfen Buch Dorn Eber',
    suffixes: 'mann berger bauer hofer meier huber müller rich feld stein thal brunner schmidt hardt baum wald',
  },
  french: {
    share: 0.35,
    prefixes: 'Beau Bel Bon Champ Chevre Clair Del Font Grand Haut Mal Mont Petit Riche Roche Vau Ville Bois Clos Pont Fleur Saint',
    suffixes: 'mont fort champ pré val bois lieu court ville mare pont vert clair fontaine',
  },
  polish: {
    share: 0.45,
    prefixes: 'Bor Brzez Chmiel Ciesiel Dud Gór Jasin Kalin Kos Krzyż Lis Mak Michal Ostrow Pietrz Rad Sob Stan Tomasz Wal Wilcz Zaw Ziel Żuk Czarn Biel Dęb Gaw Jak Kur Len Nad Pal Rut Siek Wierzb Zar',
    suffixes: 'owski ewski iński ski ak czyk ek ik uk',
  },
  russian: {
    share: 0.35,
    prefixes: 'Belous Bogdan Gorb Gusar Dubin Zhdan Karpen Koval Korol Kravch Lysen Naum Osip Prokh Rodion Savel Taras Timosh Shevch Yarosh Tsvet Kras Sever Kamen Rybak Zhur Bel Lom Sem',
    suffixes: 'ov in enko chuk ovsky',
  },
};
