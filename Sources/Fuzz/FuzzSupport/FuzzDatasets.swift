import DossierFuzzing
import DossierModel

/// The datasets every chart and Markdown input is drawn against: six from the chart gallery
/// fixture (Tests/Fixtures/gallery), a small one with negatives, gaps, percents written with
/// `%`, hostile text and a column for scatter plots, and one of subnormal, tiny and huge numbers.
let fuzzDatasetFiles: [SourceFile] = [
    SourceFile(path: "content/data/chine-parts-trimestrielles.csv", bytes: Array(#"""
trimestre,constructeur,part
2016Q1,Huawei,15.9
2016Q1,OPPO,9.8
2016Q1,vivo,10.8
2016Q1,Xiaomi,12.3
2016Q1,Apple,12.0
2016Q1,Samsung,8.3
2016Q1,Meizu,4.8
2016Q1,ZTE,3.8
2016Q1,Autres,22.2
2016Q2,Huawei,16.5
2016Q2,OPPO,15.6
2016Q2,vivo,12.9
2016Q2,Xiaomi,10.9
2016Q2,Apple,8.3
2016Q2,Samsung,6.8
2016Q2,Meizu,4.4
2016Q2,ZTE,3.9
2016Q2,Autres,20.8
2016Q3,Huawei,14.9
2016Q3,OPPO,16.5
2016Q3,vivo,16.1
2016Q3,Xiaomi,10.3
2016Q3,Apple,8.5
2016Q3,Samsung,6.8
2016Q3,Meizu,4.7
2016Q3,ZTE,3.8
2016Q3,Autres,18.2
2016Q4,Huawei,17.0
2016Q4,OPPO,17.9
2016Q4,vivo,15.0
2016Q4,Xiaomi,10.3
2016Q4,Apple,13.1
2016Q4,Samsung,5.7
2016Q4,Meizu,4.0
2016Q4,ZTE,3.4
2016Q4,Autres,13.7
2017Q1,Huawei,19.6
2017Q1,OPPO,17.4
2017Q1,vivo,17.0
2017Q1,Xiaomi,8.0
2017Q1,Apple,10.0
2017Q1,Samsung,3.3
2017Q1,Meizu,5.2
2017Q1,ZTE,4.0
2017Q1,Autres,15.5
2017Q2,Huawei,20.1
2017Q2,OPPO,18.9
2017Q2,vivo,16.9
2017Q2,Xiaomi,13.0
2017Q2,Apple,8.2
2017Q2,Samsung,3.0
2017Q2,Meizu,3.6
2017Q2,ZTE,3.3
2017Q2,Autres,13.0
2017Q3,Huawei,18.6
2017Q3,OPPO,19.2
2017Q3,vivo,18.6
2017Q3,Xiaomi,13.8
2017Q3,Apple,9.6
2017Q3,Samsung,2.6
2017Q3,Meizu,3.8
2017Q3,ZTE,1.1
2017Q3,Autres,12.7
"""#.utf8)),
    SourceFile(path: "content/data/chine-parts-trimestrielles.yaml", bytes: Array(#"""
title: Parts de marché des smartphones en Chine, par trimestre (2016-2017)
description: >-
  Part des livraisons de smartphones en Chine continentale par constructeur, du premier
  trimestre 2016 au troisième trimestre 2017. Les lignes d’un trimestre totalisent 100 %
  à l’arrondi près.
source: Counterpoint Research
source_url: https://www.counterpointresearch.com/zh-hans/chinese-smartphone-market-2016-and-2017-overview/
columns:
  trimestre: {label: Trimestre, type: date}
  constructeur: {label: Constructeur}
  part: {label: Part de marché, type: percent}
"""#.utf8)),
    SourceFile(path: "content/data/monde-parts-trimestrielles.csv", bytes: Array(#"""
trimestre,Apple,Samsung,Huawei,Xiaomi,OPPO,Autres
2016Q4,18.2,18.0,10.6,3.3,7.3,42.5
2017Q1,14.7,23.3,10.0,4.3,7.5,40.2
2017Q2,11.8,22.9,11.1,6.2,8.0,40.0
2017Q3,12.4,22.1,10.4,7.5,8.1,39.5
2017Q4,19.7,18.9,10.7,7.2,6.9,36.6
"""#.utf8)),
    SourceFile(path: "content/data/monde-parts-trimestrielles.yaml", bytes: Array(#"""
title: Parts de marché mondiales des smartphones, par trimestre (fin 2016-2017)
description: >-
  Données définitives d’IDC (Quarterly Mobile Phone Tracker). Elles diffèrent légèrement
  des premiers chiffres publiés par IDC au moment des annonces trimestrielles.
source: IDC, Quarterly Mobile Phone Tracker
source_url: https://www.idc.com/promo/smartphone-market-share/vendor
columns:
  trimestre: {label: Trimestre, type: date}
  Apple: {type: percent}
  Samsung: {type: percent}
  Huawei: {type: percent}
  Xiaomi: {type: percent}
  OPPO: {type: percent}
  Autres: {type: percent}
"""#.utf8)),
    SourceFile(path: "content/data/xiaomi-revenus.csv", bytes: Array(#"""
annee,chiffre_affaires,part_chine
2015,66.811,93.9
2016,68.434,86.6
2017,114.625,72.0
"""#.utf8)),
    SourceFile(path: "content/data/xiaomi-revenus.yaml", bytes: Array(#"""
title: Chiffre d’affaires de Xiaomi et part réalisée en Chine continentale (2015-2017)
description: >-
  Chiffre d’affaires annuel en milliards de yuans et part de la Chine continentale dans ce
  chiffre, d’après le prospectus d’introduction en Bourse de Xiaomi.
source: Xiaomi, prospectus d’introduction en Bourse (via Fonow)
source_url: http://fonow.com/view/207086.html
columns:
  annee: {label: Année, type: date}
  chiffre_affaires: {label: Chiffre d’affaires, unit: Md¥, type: number}
  part_chine: {label: Part de la Chine continentale, type: percent}
"""#.utf8)),
    SourceFile(path: "content/data/chine-2016-instituts.csv", bytes: Array(#"""
constructeur,idc,canalys
OPPO,78.4,73.2
Huawei,76.6,76.2
vivo,69.2,63.2
Apple,44.9,43.8
Xiaomi,41.5,51.4
"""#.utf8)),
    SourceFile(path: "content/data/chine-2016-instituts.yaml", bytes: Array(#"""
title: Livraisons de smartphones en Chine en 2016 selon IDC et Canalys
description: >-
  Millions d’unités livrées en Chine en 2016 par les cinq premiers constructeurs, selon deux
  instituts. Ils s’accordent sur Huawei et Apple mais divergent sur OPPO, vivo et surtout
  Xiaomi (41,5 millions pour IDC, 51,4 pour Canalys).
source: IDC (cité par la presse) et Canalys (cité par MacRumors)
source_url: https://www.macrumors.com/2017/02/18/apple-declines-china-smartphone-market/
columns:
  constructeur: {label: Constructeur}
  idc: {label: IDC, unit: M, type: number}
  canalys: {label: Canalys, unit: M, type: number}
"""#.utf8)),
    SourceFile(path: "content/data/chine-parts-annuelles.csv", bytes: Array(#"""
annee,constructeur,part,source
2015,Xiaomi,15.1,IDC via digitalnyc.net
2015,Huawei,14.5,IDC via androidheadlines.com
2015,Apple,13.6,IDC via digitalnyc.net
2016,OPPO,16.8,IDC via telecomlead.com
2016,Huawei,16.4,IDC via lenpure.com
2016,vivo,14.8,IDC via zdnet.com
2016,Apple,9.6,IDC via digitalnyc.net
2016,Xiaomi,8.9,IDC via digitalnyc.net
2017,Huawei,20.4,IDC via zdnet.com
2017,OPPO,18.1,IDC via zdnet.com
2017,vivo,15.4,IDC via zdnet.com
2017,Xiaomi,12.4,IDC via zdnet.com
2017,Apple,9.3,IDC via zdnet.com
"""#.utf8)),
    SourceFile(path: "content/data/chine-parts-annuelles.yaml", bytes: Array(#"""
title: Parts de marché annuelles des smartphones en Chine (IDC, 2015-2017)
description: >-
  Parts annuelles des principaux constructeurs en Chine selon IDC, relevées dans la presse.
  Les chiffres de 2015 diffèrent selon les titres (Xiaomi « environ 15 % », Huawei 14,5 %,
  Apple 13,4 % selon Android Headlines) ; la colonne source indique où chaque chiffre a été lu.
source: IDC, cité par la presse
source_url: http://www.zdnet.com/google-amp/article/chinas-smartphone-market-declined-15-7-percent-for-q4-2017-idc/
columns:
  annee: {label: Année, type: date}
  constructeur: {label: Constructeur}
  part: {label: Part de marché, type: percent}
  source: {label: Source}
"""#.utf8)),
    SourceFile(path: "content/data/monde-livraisons-annuelles.csv", bytes: Array(#"""
annee,constructeur,livraisons
2015,Samsung,324.8
2015,Apple,231.5
2015,Huawei,106.6
2015,Lenovo,74.0
2015,Xiaomi,70.8
2016,Samsung,311.4
2016,Apple,215.4
2016,Huawei,139.3
2016,OPPO,99.4
2016,vivo,77.3
2017,Samsung,317.3
2017,Apple,215.8
2017,Huawei,153.1
2017,OPPO,111.8
2017,Xiaomi,92.4
"""#.utf8)),
    SourceFile(path: "content/data/monde-livraisons-annuelles.yaml", bytes: Array(#"""
title: Livraisons mondiales de smartphones par constructeur (IDC, 2015-2017)
description: >-
  Millions d’unités livrées dans le monde, premières estimations annuelles d’IDC relevées
  dans la presse. Seuls les constructeurs cités chaque année figurent ici ; Xiaomi n’apparaît
  pas dans le classement 2016.
source: IDC, cité par Telecom Lead, Digitimes et MNR Daily
source_url: http://www.digitimes.com/news/a20170203PB201.html
columns:
  annee: {label: Année, type: date}
  constructeur: {label: Constructeur}
  livraisons: {label: Livraisons, unit: M, type: number}
"""#.utf8)),
    SourceFile(path: "content/data/essai.csv", bytes: Array(#"""
pays,annee,valeur,part,taille,note
France,2015,-12.5,12.5 %,3.2,"Une note, avec virgule"
France,2016,,8%,0.5,"« guillemets » et ""doubles"""
Inde,2015,1e3,40.25 %,-4,<script>alert(1)</script>
Inde,2016,0,0%,1234567.891,
Chine,2015,999999999,100%,0,Z
"""#.utf8)),
    SourceFile(path: "content/data/essai.yaml", bytes: Array(#"""
title: Essai <b>gras</b> & "guillemets"
source: Jeu d’essai
source_url: https://example.com/essai?a=1&b=2
columns:
  pays: {label: Pays}
  annee: {label: Année, type: date}
  valeur: {label: Valeur, unit: M€}
  part: {label: Part, type: percent}
  taille: Taille
"""#.utf8)),
    // Subnormal, tiny and huge numbers, and a column across zero (pies refuse its negatives).
    SourceFile(path: "content/data/extremes.csv", bytes: Array(#"""
k,tiny,subnormal,huge,mixed
a,2.2250738585072014e-308,5e-324,1e308,-1e308
b,1e-310,4.9e-324,1.7976931348623157e308,5e-324
c,1e-300,-5e-324,-1e308,2.2250738585072014e-308
"""#.utf8)),
]

/// Parsed once per process.
package let fuzzFigures = FuzzEntryPoints.Figures(datasetFiles: fuzzDatasetFiles)

/// The input as an array (libFuzzer may pass a dangling pointer with size 0).
package func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
