"""Language identification on original paragraphs in seven languages and on mixed texts."""

from __future__ import annotations

import pytest

from seo_audit.french.language import (
    FUNCTION_WORDS,
    UNDETERMINED,
    detect_language,
    is_french,
    language_scores,
    language_shares,
)

# Paragraphs the word lists and the scoring were tuned on.
LABELLED: dict[str, list[str]] = {
    "fr": [
        (
            "Le conseil municipal a voté hier soir la rénovation de la piscine, fermée depuis "
            "deux ans à cause d’une fuite dans le bassin principal."
        ),
        (
            "Les supporters du club ont envahi la place de la mairie pour fêter la montée en "
            "première division, une première depuis plus de trente ans."
        ),
        (
            "Selon une étude publiée lundi, les jeunes adultes dorment en moyenne une heure "
            "de moins que leurs parents au même âge."
        ),
        (
            "La ministre de la Santé a présenté un plan pour attirer des médecins dans les "
            "campagnes, où les délais d’attente ne cessent de s’allonger."
        ),
        (
            "Chaque dimanche matin, ma grand-mère prépare une tarte aux pommes qu’elle "
            "partage avec les voisins de l’immeuble."
        ),
        (
            "Les chercheurs ont découvert dans les Alpes une espèce de papillon que personne "
            "n’avait encore décrite, ce qui a surpris toute l’équipe."
        ),
        (
            "Le prix du pain a augmenté de dix centimes en un an, et les boulangers "
            "expliquent cette hausse par le coût de l’électricité."
        ),
        (
            "Après trois semaines de grève, les conducteurs de bus ont obtenu une prime et la "
            "promesse de nouveaux recrutements."
        ),
        (
            "Le télescope spatial a photographié une galaxie très lointaine dont la lumière a "
            "voyagé pendant des milliards d’années avant de nous parvenir."
        ),
        (
            "Pour réussir une bonne soupe, il faut laisser mijoter les légumes à feu doux et "
            "ne pas oublier une pincée de sel."
        ),
        (
            "La sélection nationale a battu l’Italie aux tirs au but, grâce à une gardienne "
            "qui a arrêté trois tentatives sur cinq."
        ),
        (
            "Le Sénat examinera la semaine prochaine le projet de loi sur l’eau, qui prévoit "
            "de limiter l’arrosage des golfs pendant les sécheresses."
        ),
        (
            "Les familles qui partent en vacances en août devront réserver tôt, car les "
            "locations sur la côte sont déjà presque toutes prises."
        ),
        (
            "Une entreprise bretonne fabrique des vélos à partir de bouteilles recyclées et "
            "vend désormais ses modèles dans toute l’Europe."
        ),
        (
            "Le chômage a légèrement reculé au dernier trimestre, mais les économistes "
            "restent prudents sur l’évolution des prochains mois."
        ),
        (
            "Nous avons passé la journée à ranger le grenier, où nous avons retrouvé des "
            "lettres de notre arrière-grand-père écrites pendant la guerre."
        ),
        (
            "Les habitants du quartier réclament un passage piéton devant l’école, où les "
            "voitures roulent souvent bien trop vite."
        ),
        (
            "Le festival de jazz accueillera cette année une trentaine d’artistes venus du "
            "monde entier, sur trois scènes installées au bord du lac."
        ),
        (
            "La banque centrale a décidé de maintenir ses taux, estimant que l’inflation "
            "ralentit plus vite que prévu dans la zone euro."
        ),
        (
            "Il a fallu quatre heures aux pompiers pour maîtriser l’incendie qui a détruit un "
            "entrepôt de meubles dans la zone industrielle."
        ),
        (
            "Depuis la rentrée, les élèves de ce collège apprennent à coder des petits jeux "
            "vidéo pendant les cours de technologie."
        ),
        (
            "Le marathon de la ville a réuni plus de dix mille coureurs, malgré la pluie qui "
            "est tombée sans interruption toute la matinée."
        ),
    ],
    "en": [
        (
            "The city council approved a new budget on Tuesday, with most of the extra money "
            "going to road repairs and public libraries."
        ),
        (
            "After a slow start to the season, the team has won six games in a row and now "
            "sits near the top of the table."
        ),
        (
            "Scientists at the university have found that some birds can remember the faces "
            "of people who once chased them away."
        ),
        (
            "My neighbour grows tomatoes on his balcony every summer and always gives the "
            "extra ones to the families on our street."
        ),
        (
            "The central bank kept interest rates unchanged, saying that prices are rising "
            "more slowly than it had expected at the start of the year."
        ),
        (
            "Thousands of people gathered in the park for the concert, even though the rain "
            "did not stop for most of the evening."
        ),
        (
            "If you want to keep bread fresh for longer, wrap it in a clean cloth and store "
            "it away from direct sunlight."
        ),
        (
            "The new train line will connect the airport to the city centre in less than "
            "twenty minutes when it opens next spring."
        ),
        (
            "Health officials are asking older people to get their flu shots early, because "
            "hospitals were very busy during the last winter."
        ),
        (
            "The museum has reopened after two years of work, and visitors can now see "
            "paintings that were kept in storage for decades."
        ),
        (
            "A small company in the north has built a robot that helps farmers pick "
            "strawberries without damaging the fruit."
        ),
        (
            "The prime minister said that the government would not raise taxes this year, but "
            "critics doubt that the promise can be kept."
        ),
        (
            "Our school library now lends laptops to students who do not have a computer at "
            "home, which has been very popular."
        ),
        (
            "The river rose by almost two metres overnight, and several roads near the old "
            "bridge had to be closed to traffic."
        ),
        (
            "She trained for three years before running her first marathon, and she finished "
            "it in just under four hours."
        ),
        (
            "Researchers have warned that the ice on the mountain is melting faster than in "
            "any other decade since records began."
        ),
        (
            "The festival will feature more than forty bands from all over the world, playing "
            "on four stages by the lake."
        ),
        (
            "Many small shops in the town centre have closed since the large shopping mall "
            "opened on the edge of the city."
        ),
        (
            "It took the firefighters five hours to put out the fire, which destroyed a "
            "warehouse full of furniture and old tyres."
        ),
        (
            "The children spent the afternoon at the beach, building sand castles and looking "
            "for crabs among the rocks."
        ),
        (
            "Prices of fresh vegetables have fallen this month, as a warm spring has given "
            "farmers one of their best harvests in years."
        ),
    ],
    "es": [
        (
            "El ayuntamiento aprobó ayer la reforma de la plaza mayor, que llevaba años "
            "esperando una inversión para mejorar la iluminación."
        ),
        (
            "Los aficionados del equipo celebraron el ascenso en las calles del centro hasta "
            "bien entrada la madrugada."
        ),
        (
            "Según un estudio reciente, los jóvenes pasan más de cuatro horas al día mirando "
            "la pantalla del móvil."
        ),
        (
            "Mi abuela prepara cada domingo una paella enorme para toda la familia y nunca "
            "nos deja ayudar en la cocina."
        ),
        (
            "El banco central ha decidido mantener los tipos de interés porque la inflación "
            "baja más despacio de lo previsto."
        ),
        (
            "Los científicos han descubierto una nueva especie de rana en la selva, con un "
            "color azul que nadie había visto antes."
        ),
        (
            "El precio del aceite de oliva ha subido mucho este año por culpa de la sequía "
            "que sufren los campos del sur."
        ),
        (
            "Después de tres semanas de huelga, los trabajadores del metro han firmado un "
            "acuerdo con la empresa."
        ),
        (
            "Para hacer un buen gazpacho hay que usar tomates muy maduros y dejar la sopa en "
            "la nevera durante unas horas."
        ),
        (
            "La selección ganó el partido en el último minuto gracias a un gol de cabeza de "
            "su joven delantero."
        ),
        (
            "El gobierno presentará la semana que viene una ley para proteger a los "
            "inquilinos de las subidas abusivas del alquiler."
        ),
        (
            "Muchas familias han tenido que cambiar sus planes de vacaciones porque los "
            "vuelos se han vuelto demasiado caros."
        ),
        (
            "Una pequeña empresa de Valencia fabrica bicicletas eléctricas y ya vende sus "
            "modelos en varios países de Europa."
        ),
        (
            "El paro ha bajado ligeramente en el último trimestre, aunque los expertos piden "
            "prudencia ante los próximos meses."
        ),
        (
            "Pasamos toda la tarde ordenando el desván y encontramos cartas antiguas que mi "
            "bisabuelo escribió durante la guerra."
        ),
        (
            "Los vecinos del barrio piden un paso de peatones delante del colegio, donde los "
            "coches circulan demasiado rápido."
        ),
        (
            "¿Sabías que el museo abre gratis los domingos por la tarde? Es una buena ocasión "
            "para ver la nueva exposición."
        ),
        (
            "Los bomberos tardaron cuatro horas en apagar el incendio que destruyó una nave "
            "de muebles en el polígono."
        ),
        (
            "Desde septiembre, los alumnos de este instituto aprenden a programar pequeños "
            "videojuegos en clase de tecnología."
        ),
        (
            "El maratón reunió a más de diez mil corredores a pesar de la lluvia, que no paró "
            "en toda la mañana."
        ),
        (
            "La nueva línea de tren unirá el aeropuerto con el centro de la ciudad en menos "
            "de veinte minutos."
        ),
    ],
    "de": [
        (
            "Der Stadtrat hat gestern Abend beschlossen, das alte Schwimmbad zu renovieren, "
            "das seit zwei Jahren geschlossen ist."
        ),
        (
            "Nach einem schwachen Start in die Saison hat die Mannschaft nun sechs Spiele in "
            "Folge gewonnen und steht auf dem zweiten Platz."
        ),
        (
            "Forscher der Universität haben herausgefunden, dass manche Vögel sich an die "
            "Gesichter von Menschen erinnern können."
        ),
        (
            "Mein Nachbar baut jeden Sommer Tomaten auf seinem Balkon an und verschenkt die "
            "übrigen an die Familien in unserer Straße."
        ),
        (
            "Die Zentralbank hat die Zinsen nicht verändert, weil die Preise langsamer "
            "steigen als zu Beginn des Jahres erwartet."
        ),
        (
            "Tausende Menschen kamen zum Konzert in den Park, obwohl es fast den ganzen Abend "
            "lang geregnet hat."
        ),
        (
            "Wer sein Brot länger frisch halten will, sollte es in ein sauberes Tuch wickeln "
            "und nicht in die Sonne legen."
        ),
        (
            "Die neue Bahnlinie wird den Flughafen in weniger als zwanzig Minuten mit der "
            "Innenstadt verbinden."
        ),
        (
            "Die Gesundheitsbehörde bittet ältere Menschen, sich früh gegen die Grippe impfen "
            "zu lassen, da die Kliniken im letzten Winter überlastet waren."
        ),
        (
            "Das Museum ist nach zwei Jahren Umbau wieder geöffnet, und die Besucher können "
            "nun Bilder sehen, die lange im Lager waren."
        ),
        (
            "Eine kleine Firma im Norden hat einen Roboter gebaut, der den Bauern bei der "
            "Ernte von Erdbeeren hilft."
        ),
        (
            "Der Kanzler sagte, dass die Regierung in diesem Jahr keine Steuern erhöhen "
            "werde, doch viele Kritiker glauben ihm nicht."
        ),
        (
            "Unsere Schulbibliothek verleiht jetzt Laptops an Schüler, die zu Hause keinen "
            "eigenen Computer haben, und das Angebot ist sehr beliebt."
        ),
        (
            "Der Fluss ist über Nacht um fast zwei Meter gestiegen, und mehrere Straßen an "
            "der alten Brücke mussten gesperrt werden."
        ),
        (
            "Sie hat drei Jahre lang trainiert, bevor sie ihren ersten Marathon lief, und kam "
            "nach knapp vier Stunden ins Ziel."
        ),
        (
            "Wissenschaftler warnen, dass das Eis auf dem Gletscher schneller schmilzt als in "
            "jedem anderen Jahrzehnt zuvor."
        ),
        (
            "Auf dem Festival spielen mehr als vierzig Bands aus aller Welt auf vier Bühnen "
            "direkt am See."
        ),
        (
            "Viele kleine Geschäfte in der Innenstadt haben geschlossen, seit das große "
            "Einkaufszentrum am Stadtrand eröffnet wurde."
        ),
        (
            "Die Feuerwehr brauchte fünf Stunden, um den Brand zu löschen, der eine "
            "Lagerhalle voller Möbel zerstört hat."
        ),
        (
            "Die Kinder verbrachten den Nachmittag am Strand, bauten Sandburgen und suchten "
            "zwischen den Felsen nach Krebsen."
        ),
        (
            "Die Preise für frisches Gemüse sind in diesem Monat gefallen, weil der warme "
            "Frühling eine sehr gute Ernte gebracht hat."
        ),
    ],
    "it": [
        (
            "Il consiglio comunale ha approvato ieri sera il restauro della piscina, chiusa "
            "da due anni per una perdita nella vasca."
        ),
        (
            "I tifosi della squadra hanno festeggiato la promozione nella piazza del "
            "municipio fino a tarda notte."
        ),
        (
            "Secondo uno studio pubblicato lunedì, i giovani dormono in media un’ora in meno "
            "rispetto ai loro genitori."
        ),
        (
            "Ogni domenica mia nonna prepara una torta di mele che poi divide con tutti i "
            "vicini del palazzo."
        ),
        (
            "La banca centrale ha deciso di lasciare invariati i tassi, perché l’inflazione "
            "scende più lentamente del previsto."
        ),
        (
            "I ricercatori hanno scoperto sulle Alpi una nuova specie di farfalla che nessuno "
            "aveva mai descritto prima."
        ),
        (
            "Il prezzo del pane è aumentato di dieci centesimi in un anno, e i fornai danno "
            "la colpa al costo dell’energia."
        ),
        (
            "Dopo tre settimane di sciopero, gli autisti degli autobus hanno ottenuto un "
            "aumento e nuove assunzioni."
        ),
        (
            "Per fare un buon risotto bisogna aggiungere il brodo poco alla volta e mescolare "
            "senza fermarsi mai."
        ),
        (
            "La nazionale ha battuto la Francia ai rigori grazie a una portiera che ha parato "
            "tre tiri su cinque."
        ),
        (
            "Il governo presenterà la settimana prossima una legge sull’acqua che limita "
            "l’irrigazione dei campi da golf durante la siccità."
        ),
        (
            "Le famiglie che partono ad agosto devono prenotare presto, perché gli "
            "appartamenti al mare sono quasi tutti occupati."
        ),
        (
            "Un’azienda di Torino produce biciclette con plastica riciclata e ora vende i "
            "suoi modelli in tutta Europa."
        ),
        (
            "La disoccupazione è calata leggermente nell’ultimo trimestre, ma gli economisti "
            "restano prudenti sui prossimi mesi."
        ),
        (
            "Abbiamo passato la giornata a sistemare la soffitta, dove abbiamo trovato "
            "lettere del nostro bisnonno scritte durante la guerra."
        ),
        (
            "Gli abitanti del quartiere chiedono un attraversamento pedonale davanti alla "
            "scuola, dove le auto vanno troppo veloci."
        ),
        (
            "Il festival ospiterà quest’anno una trentina di artisti da tutto il mondo su tre "
            "palchi in riva al lago."
        ),
        (
            "Ci sono volute quattro ore ai vigili del fuoco per spegnere l’incendio che ha "
            "distrutto un magazzino di mobili."
        ),
        (
            "Da settembre gli studenti di questa scuola imparano a programmare piccoli "
            "videogiochi durante le ore di tecnologia."
        ),
        (
            "La maratona della città ha riunito più di diecimila corridori, nonostante la "
            "pioggia che è caduta per tutta la mattina."
        ),
        (
            "Il telescopio ha fotografato una galassia lontanissima, la cui luce ha viaggiato "
            "per miliardi di anni prima di arrivare a noi."
        ),
    ],
    "pt": [
        (
            "A câmara municipal aprovou ontem a reforma da praça central, que esperava há "
            "anos por um investimento na iluminação."
        ),
        "Os adeptos do clube festejaram a subida de divisão nas ruas da cidade até de madrugada.",
        (
            "Segundo um estudo recente, os jovens passam mais de quatro horas por dia a olhar "
            "para o telemóvel."
        ),
        (
            "A minha avó faz todos os domingos um bolo de laranja para a família inteira e "
            "nunca aceita ajuda na cozinha."
        ),
        (
            "O banco central decidiu manter as taxas de juro, porque a inflação está a descer "
            "mais devagar do que o previsto."
        ),
        (
            "Os cientistas descobriram uma nova espécie de sapo na floresta, com uma cor azul "
            "que ninguém tinha visto antes."
        ),
        (
            "O preço do azeite subiu muito este ano por causa da seca que atingiu os campos "
            "do interior."
        ),
        (
            "Depois de três semanas de greve, os trabalhadores do metro assinaram um acordo "
            "com a empresa."
        ),
        (
            "Para fazer uma boa sopa de legumes, é preciso cozinhar tudo em lume brando e não "
            "esquecer uma pitada de sal."
        ),
        (
            "A seleção venceu o jogo no último minuto graças a um golo de cabeça do seu jovem "
            "avançado."
        ),
        (
            "O governo vai apresentar na próxima semana uma lei para proteger os inquilinos "
            "das subidas excessivas das rendas."
        ),
        (
            "Muitas famílias tiveram de mudar os planos de férias porque os voos ficaram "
            "demasiado caros."
        ),
        (
            "Uma pequena empresa do Porto fabrica bicicletas elétricas e já vende os seus "
            "modelos em vários países da Europa."
        ),
        (
            "O desemprego baixou ligeiramente no último trimestre, mas os economistas pedem "
            "prudência para os próximos meses."
        ),
        (
            "Passámos a tarde a arrumar o sótão e encontrámos cartas antigas que o meu bisavô "
            "escreveu durante a guerra."
        ),
        (
            "Os moradores do bairro pedem uma passadeira em frente à escola, onde os carros "
            "passam depressa demais."
        ),
        (
            "Os bombeiros demoraram quatro horas a apagar o incêndio que destruiu um armazém "
            "de móveis na zona industrial."
        ),
        (
            "Desde setembro, os alunos desta escola aprendem a programar pequenos jogos nas "
            "aulas de tecnologia."
        ),
        (
            "A maratona reuniu mais de dez mil corredores, apesar da chuva que não parou "
            "durante toda a manhã."
        ),
        (
            "A nova linha de comboio vai ligar o aeroporto ao centro da cidade em menos de "
            "vinte minutos."
        ),
        (
            "Não há nada melhor do que um café com pão quente numa manhã fria de inverno, "
            "sentado à janela."
        ),
    ],
    "nl": [
        (
            "De gemeenteraad heeft gisteravond besloten om het oude zwembad te renoveren, dat "
            "al twee jaar gesloten is."
        ),
        (
            "Na een slechte start van het seizoen heeft de ploeg nu zes wedstrijden op rij "
            "gewonnen en staat ze tweede."
        ),
        (
            "Onderzoekers van de universiteit hebben ontdekt dat sommige vogels de gezichten "
            "van mensen kunnen onthouden."
        ),
        (
            "Mijn buurman kweekt elke zomer tomaten op zijn balkon en geeft de rest weg aan "
            "de gezinnen in onze straat."
        ),
        (
            "De centrale bank heeft de rente niet veranderd, omdat de prijzen langzamer "
            "stijgen dan aan het begin van het jaar werd verwacht."
        ),
        (
            "Duizenden mensen kwamen naar het concert in het park, hoewel het bijna de hele "
            "avond heeft geregend."
        ),
        (
            "Wie zijn brood langer vers wil houden, moet het in een schone doek wikkelen en "
            "niet in de zon leggen."
        ),
        (
            "De nieuwe treinlijn zal de luchthaven in minder dan twintig minuten met het "
            "centrum van de stad verbinden."
        ),
        (
            "De gezondheidsdienst vraagt ouderen om zich vroeg tegen de griep te laten "
            "vaccineren, want de ziekenhuizen waren vorige winter erg druk."
        ),
        (
            "Het museum is na twee jaar verbouwing weer open, en bezoekers kunnen nu "
            "schilderijen zien die lang in het depot lagen."
        ),
        (
            "Een klein bedrijf in het noorden heeft een robot gebouwd die boeren helpt bij "
            "het plukken van aardbeien."
        ),
        (
            "De premier zei dat de regering dit jaar de belastingen niet zal verhogen, maar "
            "veel critici geloven dat niet."
        ),
        (
            "Onze schoolbibliotheek leent nu laptops uit aan leerlingen die thuis geen eigen "
            "computer hebben, en dat is erg populair."
        ),
        (
            "De rivier is in één nacht bijna twee meter gestegen, en een paar wegen bij de "
            "oude brug moesten worden afgesloten."
        ),
        (
            "Ze heeft drie jaar getraind voordat ze haar eerste marathon liep, en ze finishte "
            "in iets minder dan vier uur."
        ),
        (
            "Wetenschappers waarschuwen dat het ijs op de gletsjer sneller smelt dan in enig "
            "ander decennium daarvoor."
        ),
        (
            "Op het festival spelen meer dan veertig bands uit de hele wereld op vier podia "
            "aan het meer."
        ),
        (
            "Veel kleine winkels in het centrum zijn dichtgegaan sinds het grote "
            "winkelcentrum aan de rand van de stad openging."
        ),
        (
            "De brandweer had vijf uur nodig om de brand te blussen die een loods vol meubels "
            "heeft verwoest."
        ),
        (
            "De kinderen brachten de middag door op het strand, bouwden zandkastelen en "
            "zochten tussen de rotsen naar krabben."
        ),
        (
            "De prijzen van verse groenten zijn deze maand gedaald, omdat de warme lente een "
            "heel goede oogst heeft opgeleverd."
        ),
    ],
}

# French with English names or brands, English with French names.
MIXED: list[tuple[str, str]] = [
    (
        "fr",
        (
            "Le nouveau Apple Watch Series arrive en magasin vendredi, et Google prépare déjà "
            "sa réponse avec le Pixel Watch."
        ),
    ),
    (
        "fr",
        (
            "La série The Last of Us a battu des records d’audience sur la plateforme, devant "
            "Stranger Things et The Crown."
        ),
    ),
    (
        "fr",
        (
            "Le Black Friday approche : les enseignes comme Amazon ou Best Buy promettent des "
            "remises sur les smartphones et les consoles."
        ),
    ),
    (
        "fr",
        (
            "Le slogan « Just do it » de Nike est devenu culte, mais la marque cherche "
            "aujourd’hui un nouveau souffle auprès des jeunes."
        ),
    ),
    (
        "fr",
        (
            "Les fans de Harry Potter and the Philosopher’s Stone se sont réunis à Londres "
            "pour fêter l’anniversaire du premier film."
        ),
    ),
    (
        "fr",
        (
            "Le groupe Arctic Monkeys jouera à Paris en juin, et les billets pour le concert "
            "du Stade de France sont déjà épuisés."
        ),
    ),
    (
        "en",
        (
            "Jean-Pierre Dubois, the head chef of Le Petit Jardin, says that his restaurant "
            "will stay open during the whole summer."
        ),
    ),
    (
        "en",
        (
            "The Musée du Louvre in Paris welcomed more visitors last year than any other art "
            "museum in the world."
        ),
    ),
    (
        "en",
        (
            "Marie de la Tour won the race in Lyon, beating the favourite by more than two "
            "minutes on the final climb."
        ),
    ),
    (
        "en",
        (
            "Tourists love the Champs-Élysées, but many locals prefer the quiet streets of "
            "the Marais on a Sunday morning."
        ),
    ),
    (
        "en",
        (
            "The company behind the famous Crème de la Crème bakery has opened a new shop in "
            "the centre of London."
        ),
    ),
    (
        "en",
        (
            "Our guide told us that the Château de la Loire we visited was built by a rich "
            "family at the end of the sixteenth century."
        ),
    ),
]

# Written after tuning stopped; scored as a whole in test_held_out_score.
HELD_OUT: dict[str, list[str]] = {
    "fr": [
        (
            "Le maire a annoncé la fermeture provisoire du pont suspendu, après la découverte "
            "de fissures sur l’un des piliers lors d’une inspection."
        ),
        (
            "Dans notre village, la fête de la moisson réunit chaque été les familles autour "
            "d’un grand repas préparé par les associations."
        ),
        (
            "Les ventes de voitures électriques ont fortement progressé cette année, portées "
            "par les aides de l’État et la baisse des prix."
        ),
        (
            "L’équipe de rugby a remporté son troisième match d’affilée, ce qui lui permet de "
            "rêver d’une place en phase finale."
        ),
        (
            "Une astronome française a identifié une étoile qui tourne sur elle-même en moins "
            "de deux minutes, un record pour ce type d’objet."
        ),
    ],
    "en": [
        (
            "The mayor announced that the old bridge will be closed for repairs after "
            "engineers found cracks in one of its pillars."
        ),
        (
            "Every summer our village holds a harvest festival where families share a long "
            "meal prepared by local volunteers."
        ),
        (
            "Sales of electric cars rose sharply this year, helped by government grants and "
            "by falling prices for batteries."
        ),
        (
            "The rugby team won its third match in a row, which gives the players a real "
            "chance of reaching the final stage."
        ),
        (
            "A young astronomer has spotted a star that spins around itself in less than two "
            "minutes, a record for such an object."
        ),
    ],
    "es": [
        (
            "El alcalde anunció que el puente viejo estará cerrado durante las obras, después "
            "de que los técnicos encontraran grietas en un pilar."
        ),
        (
            "Cada verano, el pueblo celebra una fiesta de la cosecha en la que las familias "
            "comparten una larga comida en la plaza."
        ),
        (
            "Las ventas de coches eléctricos han crecido mucho este año gracias a las ayudas "
            "del gobierno y a la bajada de los precios."
        ),
        (
            "El equipo de baloncesto ganó su tercer partido seguido y ahora sueña con llegar "
            "a la fase final del campeonato."
        ),
        (
            "Una astrónoma española ha encontrado una estrella que gira sobre sí misma en "
            "menos de dos minutos, algo nunca visto."
        ),
    ],
    "de": [
        (
            "Der Bürgermeister hat angekündigt, dass die alte Brücke gesperrt wird, nachdem "
            "Ingenieure Risse in einem Pfeiler gefunden haben."
        ),
        (
            "Jeden Sommer feiert unser Dorf ein Erntefest, bei dem die Familien gemeinsam an "
            "langen Tischen auf dem Marktplatz essen."
        ),
        (
            "Der Verkauf von Elektroautos ist in diesem Jahr stark gestiegen, vor allem wegen "
            "der staatlichen Förderung und sinkender Preise."
        ),
        (
            "Die Mannschaft hat ihr drittes Spiel in Folge gewonnen und darf jetzt auf die "
            "Endrunde der Meisterschaft hoffen."
        ),
        (
            "Eine junge Astronomin hat einen Stern entdeckt, der sich in weniger als zwei "
            "Minuten einmal um sich selbst dreht."
        ),
    ],
    "it": [
        (
            "Il sindaco ha annunciato che il vecchio ponte resterà chiuso per i lavori, dopo "
            "che i tecnici hanno trovato crepe in un pilastro."
        ),
        (
            "Ogni estate il nostro paese organizza la festa del raccolto, e le famiglie "
            "mangiano insieme su lunghe tavole in piazza."
        ),
        (
            "Le vendite di auto elettriche sono cresciute molto quest’anno, grazie agli "
            "incentivi dello Stato e al calo dei prezzi."
        ),
        (
            "La squadra ha vinto la terza partita di fila e adesso spera di arrivare alla "
            "fase finale del campionato."
        ),
        (
            "Una giovane astronoma ha individuato una stella che ruota su se stessa in meno "
            "di due minuti, un vero record."
        ),
    ],
    "pt": [
        (
            "O presidente da câmara anunciou que a ponte velha vai fechar para obras, depois "
            "de os técnicos terem encontrado fissuras num pilar."
        ),
        (
            "Todos os verões, a nossa aldeia organiza uma festa das colheitas em que as "
            "famílias almoçam juntas na praça."
        ),
        (
            "As vendas de carros elétricos cresceram muito este ano, graças aos apoios do "
            "Estado e à descida dos preços."
        ),
        (
            "A equipa venceu o terceiro jogo seguido e agora sonha com a chegada à fase final "
            "do campeonato."
        ),
        (
            "Uma jovem astrónoma descobriu uma estrela que gira sobre si mesma em menos de "
            "dois minutos, um recorde absoluto."
        ),
    ],
    "nl": [
        (
            "De burgemeester heeft aangekondigd dat de oude brug dichtgaat voor herstel, "
            "nadat ingenieurs scheuren in een pijler hadden gevonden."
        ),
        (
            "Elke zomer viert ons dorp een oogstfeest, waarbij de families samen aan lange "
            "tafels op het plein eten."
        ),
        (
            "De verkoop van elektrische auto’s is dit jaar sterk gestegen, vooral door de "
            "subsidies van de overheid en de lagere prijzen."
        ),
        (
            "De ploeg heeft haar derde wedstrijd op rij gewonnen en hoopt nu op een plaats in "
            "de eindronde van de competitie."
        ),
        (
            "Een jonge sterrenkundige heeft een ster ontdekt die in minder dan twee minuten "
            "om haar eigen as draait."
        ),
    ],
}

HELD_OUT_MIXED: list[tuple[str, str]] = [
    (
        "fr",
        (
            "La start-up a présenté son application Smart Home Assistant lors du salon, avec "
            "un slogan en anglais : « Your home, your rules »."
        ),
    ),
    (
        "fr",
        (
            "Le dernier album de The Rolling Stones a été enregistré à Londres, et les "
            "critiques de la presse française sont plutôt bonnes."
        ),
    ),
    (
        "en",
        (
            "We had dinner at Chez Marie, a small bistro near the Place de la République, and "
            "the soup was excellent."
        ),
    ),
    (
        "en",
        (
            "The French minister, Bruno Le Maire, told reporters that the deal would be "
            "signed before the end of the month."
        ),
    ),
]


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in LABELLED.items() for text in texts]
)
def test_labelled_paragraphs(lang: str, text: str) -> None:
    code, confidence = detect_language(text)
    assert code == lang
    assert confidence >= 0.5  # what the analysis needs to report a foreign paragraph


@pytest.mark.parametrize(("lang", "text"), MIXED)
def test_names_from_another_language_do_not_mislead(lang: str, text: str) -> None:
    code, confidence = detect_language(text)
    assert code == lang
    if lang != "fr":
        assert confidence >= 0.5


def test_every_language_has_twenty_paragraphs() -> None:
    assert set(LABELLED) == set(FUNCTION_WORDS)
    assert all(len(texts) >= 20 for texts in LABELLED.values())
    assert all(len(text.split()) >= 15 for texts in LABELLED.values() for text in texts)


def test_held_out_score() -> None:
    cases = [(lang, text) for lang, texts in HELD_OUT.items() for text in texts]
    cases += HELD_OUT_MIXED
    right = sum(detect_language(text)[0] == lang for lang, text in cases)
    assert right / len(cases) >= 0.9, right


@pytest.mark.parametrize("text", ["", "   ", "Apple Watch", "OK !", "123 456 789", "Le chat"])
def test_too_short_is_undetermined(text: str) -> None:
    assert detect_language(text) == (UNDETERMINED, 0.0)
    assert not is_french(text)


def test_nothing_known_is_undetermined() -> None:
    assert detect_language("Xylophones zigzaguent quietly numérotés Kalamazoo")[0] == UNDETERMINED


def test_whole_article() -> None:
    article = "\n\n".join(LABELLED["fr"][:8] + LABELLED["en"][:1])
    code, confidence = detect_language(article)
    assert code == "fr" and confidence > 0.95
    assert is_french(article)
    english = "\n\n".join(LABELLED["en"][:6] + [MIXED[-1][1]])
    assert detect_language(english)[0] == "en"
    assert not is_french(english)


def test_apostrophes_are_unified() -> None:
    curly = "L’équipe n’a pas joué aujourd’hui, mais elle s’entraîne déjà pour le match."
    assert language_scores(curly) == language_scores(curly.replace("’", "'"))
    assert detect_language(curly)[0] == "fr"


def test_language_shares() -> None:
    shares = language_shares(LABELLED["fr"][:6] + LABELLED["de"][:2])
    assert set(shares) == {"fr", "de"}
    assert shares["fr"] > 0.6 and abs(sum(shares.values()) - 1) < 0.01
    assert language_shares([]) == {}


def test_function_word_lists() -> None:
    for lang, words in FUNCTION_WORDS.items():
        assert 60 <= len(words) <= 130, lang
        assert all(w == w.lower() and "'" not in w for w in words), lang
